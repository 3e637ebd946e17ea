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
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

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

    /** An object that paces retries for the loop: Resilience4j's {@code Retry.Context}, a backoff, a policy. */
    private static final Pattern PACING_OBJECT = Pattern.compile("(?i).*(retry|backoff|back_off|policy|context)|ctx");
    /** Calls that take a failure and wait before the next attempt, or throw when the attempts are spent. */
    private static final Pattern PACING_CALL = Pattern.compile("on\\w*Error|onFailure|retry\\w*|backoff\\w*|wait\\w*");
    /** Of those, the ones whose name alone says they pace (on*Error on a listener only reports the failure). */
    private static final Pattern PACING_BY_NAME = Pattern.compile("retry\\w*|backoff\\w*|wait\\w*");

    private DesignedRetry() {
    }

    /**
     * True when a catch of the loop hands the failure to another object that paces the retry: a call on a
     * retry context, backoff or policy ({@code context.onError(e)}), or a call named for pacing ({@code retry*},
     * {@code backoff*}, {@code wait*}) given the caught exception; {@code listener.onError(e)} only reports it.
     * The loop's wait and limit live in that object (Resilience4j's {@code Retry.Context.onError} sleeps the
     * configured interval and rethrows when the attempts run out), so the loop alone shows neither, and neither is
     * missing.
     */
    static boolean delegatesPacing(Statement loop) {
        return SourceFile.within(RetryLoopCheck.body(loop), CatchClause.class, OTHER_CODE).stream()
                .anyMatch(DesignedRetry::handsFailureOver);
    }

    private static boolean handsFailureOver(CatchClause catchClause) {
        String failure = catchClause.getParameter().getNameAsString();
        return catchClause.getBody().findAll(MethodCallExpr.class).stream().anyMatch(call -> {
            Optional<String> receiver = call.getScope().flatMap(DesignedRetry::receiverName);
            if (receiver.isEmpty()) {
                return false;
            }
            boolean pacingCall = PACING_CALL.matcher(call.getNameAsString()).matches();
            boolean handsIt = call.getArguments().stream().anyMatch(argument -> argument instanceof NameExpr name
                    && name.getNameAsString().equals(failure));
            boolean pacingObject = PACING_OBJECT.matcher(receiver.get()).matches();
            return pacingObject && (handsIt || pacingCall)
                    || handsIt && PACING_BY_NAME.matcher(call.getNameAsString()).matches();
        });
    }

    /** The variable or field a call is made on, with its declared type when known: {@code context Retry.Context}. */
    private static Optional<String> receiverName(Expression scope) {
        if (scope instanceof NameExpr name) {
            String type = Declaration.of(name).map(declared -> declared.type().asString().replaceAll("<.*", ""))
                    .orElse("");
            return Optional.of(PACING_OBJECT.matcher(type).matches() ? type : name.getNameAsString());
        }
        if (scope instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
            return Optional.of(access.getNameAsString());
        }
        return Optional.empty();
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
