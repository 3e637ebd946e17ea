package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java/unbounded-executor}: pools and queues without a limit, threads started per request. A fixed pool that
 * only ever receives its own n workers (at most n submissions, made once) is spared: its queue stays empty.
 */
final class ExecutorCheck implements JavaCheck {

    private static final String EXECUTORS = "java.util.concurrent.Executors";
    private static final String THREAD_POOL = "java.util.concurrent.ThreadPoolExecutor";
    private static final Map<String, String> FACTORIES = Map.of(
            "newCachedThreadPool", "creates a thread per waiting task, without limit",
            "newFixedThreadPool", "queues tasks in an unbounded LinkedBlockingQueue",
            "newSingleThreadExecutor", "queues tasks in an unbounded LinkedBlockingQueue");
    /** Calls that hand an executor work. */
    private static final Set<String> SUBMITS = Set.of("execute", "submit", "invokeAll", "invokeAny", "schedule",
            "scheduleAtFixedRate", "scheduleWithFixedDelay");
    private static final Set<String> HANDLERS = Set.of("handle", "service", "doGet", "doPost", "doPut", "doDelete",
            "doPatch", "handleRequest");
    private static final Set<String> MAPPINGS = Set.of("GetMapping", "PostMapping", "PutMapping", "DeleteMapping",
            "PatchMapping", "RequestMapping");

    @Override
    public void check(SourceFile file) {
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            String problem = FACTORIES.get(call.getNameAsString());
            if (problem != null && file.isClass(call.getScope(), EXECUTORS) && !onlyItsOwnWorkers(file, call)) {
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
     * A fixed pool (or a single thread) that only ever receives its own workers: a local pool whose every
     * submission sits in one counted loop {@code for (i = 0; i < n; i++)} over the pool's own size
     * {@code n} (or is one submission to a single thread), with no loop around it. At most n tasks for n threads:
     * the queue never holds a task, whatever the tasks do (a pool of long-running consumers started once). When the
     * pool is handed out (returned, stored), every other submission of the file must be to a pool of its own.
     */
    private static boolean onlyItsOwnWorkers(SourceFile file, MethodCallExpr factory) {
        Node holder = factory.getParentNode().orElse(null);
        Node choice = holder instanceof ConditionalExpr ? holder : factory;
        if (holder instanceof ConditionalExpr) {
            holder = holder.getParentNode().orElse(null);
        }
        if (!(holder instanceof VariableDeclarator pool) || !(pool.getParentNode().orElse(null)
                instanceof VariableDeclarationExpr) || SourceFile.ancestor(factory, MethodDeclaration.class)
                .filter(ExecutorCheck::isHandler).isPresent()) {
            return false;
        }
        Optional<String> size = choice.findFirst(MethodCallExpr.class, c -> c.getNameAsString()
                .equals("newFixedThreadPool") && c.getArguments().size() == 1).map(c -> c.getArgument(0).toString())
                .or(() -> factory.getNameAsString().equals("newSingleThreadExecutor") ? Optional.of("1")
                        : Optional.empty());
        List<MethodCallExpr> submissions = file.all(MethodCallExpr.class).stream()
                .filter(call -> SUBMITS.contains(call.getNameAsString())).toList();
        List<MethodCallExpr> own = submissions.stream().filter(call -> isLocal(call.getScope(), pool)).toList();
        boolean escapes = file.all(NameExpr.class).stream().anyMatch(name -> refersTo(name, pool)
                && !(name.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getScope().orElse(null) == name));
        boolean othersLocal = submissions.stream().allMatch(call -> own.contains(call) || call.getScope()
                .filter(scope -> scope instanceof NameExpr target && Declaration.of(target).filter(d ->
                        d.node().getParentNode().orElse(null) instanceof VariableDeclarationExpr).isPresent())
                .isPresent());
        return size.isPresent() && !own.isEmpty() && own.stream().allMatch(call -> countedOnce(call, size.get()))
                && (!escapes || othersLocal);
    }

    private static boolean isLocal(Optional<Expression> scope, VariableDeclarator pool) {
        return scope.filter(s -> s instanceof NameExpr target && refersTo(target, pool)).isPresent();
    }

    private static boolean refersTo(NameExpr name, VariableDeclarator pool) {
        return name.getNameAsString().equals(pool.getNameAsString())
                && Declaration.of(name).filter(d -> d.node() == pool).isPresent();
    }

    /** The submission runs once, or in one loop {@code i < size} not itself inside a loop or a lambda. */
    private static boolean countedOnce(MethodCallExpr submission, String size) {
        List<Node> enclosing = new ArrayList<>();
        Node current = submission.getParentNode().orElse(null);
        while (current != null && !(current instanceof CallableDeclaration<?>)) {
            if (current instanceof ForStmt || current instanceof WhileStmt || current instanceof DoStmt
                    || current instanceof ForEachStmt || current instanceof LambdaExpr) {
                enclosing.add(current);
            }
            current = current.getParentNode().orElse(null);
        }
        if (enclosing.isEmpty()) {
            return true;
        }
        return enclosing.size() == 1 && enclosing.get(0) instanceof ForStmt loop && loop.getCompare()
                .filter(compare -> compare instanceof BinaryExpr bound
                        && bound.getOperator() == BinaryExpr.Operator.LESS
                        && bound.getRight().toString().equals(size)).isPresent();
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
