package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code java/unbounded-executor}: pools and queues without a limit, threads started per request. */
final class ExecutorCheck implements JavaCheck {

    private static final String EXECUTORS = "java.util.concurrent.Executors";
    private static final String THREAD_POOL = "java.util.concurrent.ThreadPoolExecutor";
    private static final Map<String, String> FACTORIES = Map.of(
            "newCachedThreadPool", "creates a thread per waiting task, without limit",
            "newFixedThreadPool", "queues tasks in an unbounded LinkedBlockingQueue",
            "newSingleThreadExecutor", "queues tasks in an unbounded LinkedBlockingQueue");
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
        Set<Node> reported = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
            String type = file.resolve(creation.getType());
            if (type.equals(THREAD_POOL)) {
                threadPool(file, creation.getArguments(), creation, reported);
            } else if (type.equals("java.lang.Thread") && startedInHandler(creation)) {
                file.report(JavaRules.UNBOUNDED_EXECUTOR, creation, "a new thread is started for every request "
                        + "handled by " + SourceFile.ancestor(creation, MethodDeclaration.class).orElseThrow()
                        .getNameAsString() + "()", "submit the work to a bounded executor shared by all requests");
            }
        }
        for (ExplicitConstructorInvocationStmt call : file.all(ExplicitConstructorInvocationStmt.class)) {
            subclassPool(file, call, reported);
        }
    }

    /**
     * A pool built with an unbounded work queue. Reported at the queue, the thing to change: with an unbounded queue
     * the pool never grows past its core size and never rejects, so neither maximumPoolSize nor a rejection policy
     * such as CallerRunsPolicy ever engages (ThreadPoolExecutor javadoc, "Queuing"). Also for a subclass's
     * {@code super(...)} call.
     */
    private static void threadPool(SourceFile file, List<Expression> arguments, Node pool, Set<Node> reported) {
        if (arguments.size() < 5) {
            return;
        }
        Expression maximum = arguments.get(1);
        if (maximum instanceof FieldAccessExpr field && field.toString().equals("Integer.MAX_VALUE")) {
            file.report(JavaRules.UNBOUNDED_EXECUTOR, pool, "ThreadPoolExecutor with Integer.MAX_VALUE "
                    + "maximum threads", "set a maximum pool size sized for the host and dependencies");
            return;
        }
        WorkQueues.unbounded(file, arguments.get(4)).filter(reported::add).ifPresent(queue -> file.report(
                JavaRules.UNBOUNDED_EXECUTOR, queue, "ThreadPoolExecutor work queue "
                        + queue.getType().getNameAsString() + " has no capacity: tasks pile up without limit, and "
                        + "the pool never grows past its core size nor rejects, so its maximum size and rejection "
                        + "policy never engage", "give the queue a capacity (new ArrayBlockingQueue<>(n) or new "
                        + "LinkedBlockingQueue<>(n)) and a rejection policy"));
    }

    private static void subclassPool(SourceFile file, ExplicitConstructorInvocationStmt call, Set<Node> reported) {
        if (call.isThis()) {
            return;
        }
        boolean extendsPool = SourceFile.ancestor(call, ClassOrInterfaceDeclaration.class).stream()
                .flatMap(type -> type.getExtendedTypes().stream())
                .anyMatch(type -> file.resolve(type).equals(THREAD_POOL));
        if (extendsPool) {
            threadPool(file, call.getArguments(), call, reported);
        }
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
