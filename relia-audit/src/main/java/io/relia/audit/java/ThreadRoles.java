package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Waits that are a thread's job rather than a missing deadline, told by where they sit. A consumer thread taking its
 * next work item ({@code while (running) { Task t = queue.take(); handle(t); }} in a {@code run()} or a lambda handed
 * to an executor): waiting for work is what it is for, and shutdown interrupts it or sends a poison item. And a
 * program's {@code main} waiting for its server to end ({@code server.join()}): that is the program's purpose. A
 * {@code put()} (a producer blocked on a full queue) and a take on a request path stay waits.
 */
final class ThreadRoles {

    /** Calls that run a lambda or an anonymous Runnable on a thread of its own. */
    private static final Set<String> THREAD_STARTS = Set.of("submit", "execute", "schedule", "scheduleAtFixedRate",
            "scheduleWithFixedDelay", "runAsync", "supplyAsync", "startVirtualThread", "start", "unstarted",
            "newThread");
    /** Waits a main thread makes on a server it started: joins and latch or condition awaits. */
    private static final Set<String> LIFETIME_WAITS = Set.of("join", "await", "awaitUninterruptibly",
            "awaitTermination");

    private ThreadRoles() {
    }

    /**
     * True when {@code take} (a queue's untimed take) fetches a worker's next item: its result is used, and it sits
     * in a {@code while}, {@code do} or {@code for (;;)} loop of a thread's body, or in a private method that every
     * caller in the class calls from such a loop (or that loops itself and is called from a thread's body).
     */
    static boolean consumerTake(SourceFile file, MethodCallExpr take) {
        if (take.getParentNode().orElse(null) instanceof ExpressionStmt) {
            return false;
        }
        Optional<Node> body = callable(take);
        if (body.isEmpty()) {
            return false;
        }
        boolean looped = inLoop(take, body.get());
        if (looped && threadBody(body.get())) {
            return true;
        }
        if (!(body.get() instanceof MethodDeclaration method) || !method.isPrivate()) {
            return false;
        }
        List<MethodCallExpr> callers = callers(file, method);
        return !callers.isEmpty() && callers.stream().allMatch(call -> callable(call)
                .filter(ThreadRoles::threadBody).filter(caller -> looped || inLoop(call, caller)).isPresent());
    }

    /**
     * True when {@code wait} (a join or an await) is made by {@code public static void main(String[])} or by a method
     * of the same class that only main reaches (through at most three calls of the class): a server's main thread
     * waiting for the server to stop.
     */
    static boolean mainWaitsForServer(SourceFile file, MethodCallExpr wait) {
        return LIFETIME_WAITS.contains(wait.getNameAsString()) && wait.getArguments().isEmpty()
                && BlockingCallCheck.enclosingMethod(wait).filter(method -> reachedOnlyFromMain(file, method, 0))
                .isPresent();
    }

    private static boolean reachedOnlyFromMain(SourceFile file, MethodDeclaration method, int depth) {
        if (method.isStatic() && method.getNameAsString().equals("main") && method.getParameters().size() == 1) {
            return true;
        }
        if (depth >= 3) {
            return false;
        }
        List<MethodCallExpr> callers = callers(file, method);
        return !callers.isEmpty() && callers.stream().allMatch(call -> BlockingCallCheck.enclosingMethod(call)
                .filter(caller -> caller != method && reachedOnlyFromMain(file, caller, depth + 1)).isPresent());
    }

    /**
     * Calls of {@code method} in its class: unqualified, on {@code this}, or from main on a local of the class
     * ({@code ServerMain main = new ServerMain(); main.run(args)}), matched by name and number of arguments.
     */
    private static List<MethodCallExpr> callers(SourceFile file, MethodDeclaration method) {
        Optional<TypeDeclaration<?>> owner = method.getParentNode().filter(TypeDeclaration.class::isInstance)
                .map(parent -> (TypeDeclaration<?>) parent);
        if (owner.isEmpty()) {
            return List.of();
        }
        String ownerName = owner.get().getNameAsString();
        return owner.get().findAll(MethodCallExpr.class, call -> call.getNameAsString().equals(method
                .getNameAsString()) && call.getArguments().size() == method.getParameters().size()
                && (file.ownMethod(call).isPresent() || call.getScope().flatMap(file::typeOf)
                .filter(type -> type.equals(ownerName) || type.endsWith("." + ownerName)).isPresent()));
    }

    /** The method or lambda whose own body holds {@code node}. */
    private static Optional<Node> callable(Node node) {
        Node current = node.getParentNode().orElse(null);
        while (current != null && !(current instanceof MethodDeclaration) && !(current instanceof LambdaExpr)) {
            if (current instanceof TypeDeclaration<?>) {
                return Optional.empty();
            }
            current = current.getParentNode().orElse(null);
        }
        return Optional.ofNullable(current);
    }

    /** A {@code run()}, or a lambda handed to an executor or a thread. */
    private static boolean threadBody(Node body) {
        if (body instanceof MethodDeclaration method) {
            return method.getNameAsString().equals("run") && method.getParameters().isEmpty();
        }
        Node parent = body.getParentNode().orElse(null);
        return parent instanceof MethodCallExpr call && THREAD_STARTS.contains(call.getNameAsString())
                || parent instanceof ObjectCreationExpr creation && creation.getType().getNameAsString()
                .endsWith("Thread");
    }

    /** A loop that runs until stopped (while, do, a for without a condition) between {@code node} and {@code body}. */
    private static boolean inLoop(Node node, Node body) {
        Node current = node.getParentNode().orElse(null);
        while (current != null && current != body) {
            if (current instanceof WhileStmt || current instanceof DoStmt
                    || current instanceof ForStmt loop && loop.getCompare().isEmpty()) {
                return true;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }
}
