package io.relia.audit.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code java/unbounded-executor}: pools and queues without a limit, threads started per request. */
final class ExecutorCheck implements JavaCheck {

    private static final String EXECUTORS = "java.util.concurrent.Executors";
    private static final Map<String, String> FACTORIES = Map.of(
            "newCachedThreadPool", "creates a thread per waiting task, without limit",
            "newFixedThreadPool", "queues tasks in an unbounded LinkedBlockingQueue",
            "newSingleThreadExecutor", "queues tasks in an unbounded LinkedBlockingQueue");
    private static final Set<String> UNBOUNDED_QUEUES = Set.of("java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.LinkedBlockingDeque");
    private static final Set<String> ALWAYS_UNBOUNDED = Set.of("java.util.concurrent.LinkedTransferQueue",
            "java.util.concurrent.PriorityBlockingQueue", "java.util.concurrent.DelayQueue");
    private static final Set<String> HANDLERS = Set.of("handle", "service", "doGet", "doPost", "doPut", "doDelete",
            "doPatch", "handleRequest");
    private static final Set<String> MAPPINGS = Set.of("GetMapping", "PostMapping", "PutMapping", "DeleteMapping",
            "PatchMapping", "RequestMapping");

    @Override
    public void check(SourceFile file) {
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            String problem = FACTORIES.get(call.getNameAsString());
            if (problem != null && file.isClass(call.getScope(), EXECUTORS)) {
                file.report(JavaRules.UNBOUNDED_EXECUTOR, call, "Executors." + call.getNameAsString() + "() "
                        + problem, "use a ThreadPoolExecutor with a bounded queue (ArrayBlockingQueue) and a "
                        + "rejection policy, or a virtual-thread executor behind a Semaphore");
            }
        }
        for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
            String type = file.resolve(creation.getType());
            if (type.equals("java.util.concurrent.ThreadPoolExecutor")) {
                threadPool(file, creation);
            } else if (type.equals("java.lang.Thread") && startedInHandler(creation)) {
                file.report(JavaRules.UNBOUNDED_EXECUTOR, creation, "a new thread is started for every request "
                        + "handled by " + SourceFile.ancestor(creation, MethodDeclaration.class).orElseThrow()
                        .getNameAsString() + "()", "submit the work to a bounded executor shared by all requests");
            }
        }
    }

    private static void threadPool(SourceFile file, ObjectCreationExpr creation) {
        if (creation.getArguments().size() < 5) {
            return;
        }
        Expression maximum = creation.getArgument(1);
        if (maximum instanceof FieldAccessExpr field && field.toString().equals("Integer.MAX_VALUE")) {
            file.report(JavaRules.UNBOUNDED_EXECUTOR, creation, "ThreadPoolExecutor with Integer.MAX_VALUE "
                    + "maximum threads", "set a maximum pool size sized for the host and dependencies");
            return;
        }
        Optional<ObjectCreationExpr> queue = queueOf(file, creation.getArgument(4));
        if (queue.isPresent()) {
            String queueType = file.resolve(queue.get().getType());
            boolean unbounded = ALWAYS_UNBOUNDED.contains(queueType)
                    || UNBOUNDED_QUEUES.contains(queueType) && queue.get().getArguments().isEmpty();
            if (unbounded) {
                file.report(JavaRules.UNBOUNDED_EXECUTOR, creation, "ThreadPoolExecutor with an unbounded "
                        + queue.get().getType().getNameAsString() + ": tasks pile up without limit",
                        "give the queue a capacity (new ArrayBlockingQueue<>(n)) and a rejection policy");
            }
        }
    }

    private static Optional<ObjectCreationExpr> queueOf(SourceFile file, Expression argument) {
        if (argument instanceof ObjectCreationExpr creation) {
            return Optional.of(creation);
        }
        if (argument instanceof NameExpr name) {
            return Declaration.of(name).flatMap(Declaration::initializer)
                    .filter(ObjectCreationExpr.class::isInstance).map(ObjectCreationExpr.class::cast);
        }
        return Optional.empty();
    }

    private static boolean startedInHandler(ObjectCreationExpr creation) {
        Optional<MethodDeclaration> method = SourceFile.ancestor(creation, MethodDeclaration.class);
        if (method.isEmpty() || !isHandler(method.get())) {
            return false;
        }
        if (creation.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getNameAsString().equals("start") && call.getScope().orElse(null) == creation) {
            return true;
        }
        if (creation.getParentNode().orElse(null) instanceof VariableDeclarator variable) {
            String name = variable.getNameAsString();
            return method.get().findFirst(MethodCallExpr.class, call -> call.getNameAsString().equals("start")
                    && call.getScope().filter(s -> s instanceof NameExpr n && n.getNameAsString().equals(name))
                    .isPresent()).isPresent();
        }
        return false;
    }

    private static boolean isHandler(MethodDeclaration method) {
        return HANDLERS.contains(method.getNameAsString()) || method.getAnnotations().stream()
                .anyMatch(annotation -> MAPPINGS.contains(annotation.getName().getIdentifier()));
    }
}
