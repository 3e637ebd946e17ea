package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;

import java.util.Set;
import java.util.function.Predicate;

/**
 * For {@code java/retry-unbounded}: a retry without an attempt limit by design. It backs off (a growing or
 * randomised pause, judged by {@link RetryLoopCheck}) and it has another exit than success: a thrown exception
 * when a precondition is lost (leadership, a closed store), or a stop flag. Such a loop waits out an outage of its
 * peers without hammering them and gives up when retrying no longer makes sense (a Paxos proposer retrying until
 * it wins or loses leadership).
 */
final class DesignedRetry {

    private static final Set<String> BROAD = Set.of("Exception", "RuntimeException", "Throwable",
            "java.lang.Exception", "java.lang.RuntimeException", "java.lang.Throwable");
    private static final Predicate<Node> OTHER_CODE = node -> node instanceof LambdaExpr
            || node instanceof ObjectCreationExpr || node instanceof TypeDeclaration;

    private DesignedRetry() {
    }

    /**
     * A throw (or a call to a method of this file that ends by throwing) not caught by a broad catch of the loop,
     * or an if that leaves the loop on a field's value ({@code if (closed) return;}).
     */
    static boolean exitsOtherwise(SourceFile file, Statement loop) {
        Node body = RetryLoopCheck.body(loop);
        boolean throwsOut = SourceFile.within(body, ThrowStmt.class, OTHER_CODE).stream()
                .anyMatch(thrown -> !caughtInLoop(thrown, loop));
        boolean helperThrows = SourceFile.within(body, MethodCallExpr.class, OTHER_CODE).stream()
                .anyMatch(call -> !caughtInLoop(call, loop) && throwingHelper(file, call));
        boolean stopFlag = SourceFile.within(body, IfStmt.class, OTHER_CODE).stream()
                .anyMatch(check -> RetryLoopCheck.leaves(check.getThenStmt()) && readsField(check.getCondition()));
        return throwsOut || helperThrows || stopFlag;
    }

    /** True when {@code node} sits in the block of a try, inside the loop, that has a broad catch. */
    private static boolean caughtInLoop(Node node, Statement loop) {
        Node current = node;
        while (current != loop && current.getParentNode().isPresent()) {
            Node parent = current.getParentNode().get();
            if (parent instanceof TryStmt tryStmt && tryStmt.getTryBlock() == current && tryStmt.getCatchClauses()
                    .stream().anyMatch(c -> InterruptibleCalls.caught(c).stream().anyMatch(BROAD::contains))) {
                return true;
            }
            current = parent;
        }
        return false;
    }

    /** An unqualified call to a method of this file whose last statement throws. */
    private static boolean throwingHelper(SourceFile file, MethodCallExpr call) {
        if (call.getScope().isPresent() && !call.getScope().get().isThisExpr()) {
            return false;
        }
        return file.unit().findFirst(MethodDeclaration.class, m -> m.getNameAsString().equals(call.getNameAsString())
                && m.getBody().filter(b -> !b.getStatements().isEmpty()
                && b.getStatements().getLast().orElseThrow() instanceof ThrowStmt).isPresent()).isPresent();
    }

    private static boolean readsField(Expression condition) {
        return condition.findFirst(FieldAccessExpr.class, access -> access.getScope().isThisExpr()).isPresent()
                || condition.findFirst(NameExpr.class, name -> Declaration.of(name).filter(declared ->
                declared.node().getParentNode().filter(FieldDeclaration.class::isInstance).isPresent()
                        && !(declared.node().getParentNode().get() instanceof FieldDeclaration field
                        && field.isStatic() && field.isFinal())).isPresent()).isPresent();
    }
}
