package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** {@code java/interrupted-swallowed}, {@code java/empty-catch} and {@code java/exception-swallowed}. */
final class CatchBlockCheck implements JavaCheck {

    private static final Set<String> BROAD = Set.of("Exception", "java.lang.Exception", "RuntimeException",
            "java.lang.RuntimeException", "Throwable", "java.lang.Throwable");
    private static final Set<String> INTENTIONAL = Set.of("ignored", "ignore", "expected", "ignoredException");
    private static final Pattern LOGGER = Pattern.compile("(?i).*(log|logger)");
    /** Calls that fail a future, promise or callback with the exception given. */
    private static final Set<String> HAND_OFF = Set.of("completeExceptionally", "setException", "onError",
            "failure", "fail", "tryFailure", "setFailure");
    private static final Set<String> LOG_METHODS = Set.of("log", "trace", "debug", "info", "warn", "warning",
            "error", "severe", "fatal");

    @Override
    public void check(SourceFile file) {
        for (CatchClause catchClause : file.all(CatchClause.class)) {
            List<String> caught = caughtTypes(catchClause.getParameter().getType());
            BlockStmt body = catchClause.getBody();
            String variable = catchClause.getParameter().getNameAsString();
            boolean interrupted = caught.stream().anyMatch(t -> t.endsWith("InterruptedException"));
            if (interrupted) {
                if (!restoresInterrupt(body) && !restoresLater(catchClause) && !restoresInHelper(file, body)
                        && !handsOn(body, variable)) {
                    file.report(JavaRules.INTERRUPTED_SWALLOWED, catchClause, "InterruptedException caught and "
                            + "dropped: the interrupt flag is not restored",
                            "call Thread.currentThread().interrupt() (and stop the work), or rethrow");
                }
                continue;
            }
            boolean empty = body.getStatements().isEmpty();
            if (empty) {
                if (!file.hasCommentWithin(body) && !INTENTIONAL.contains(variable)) {
                    file.report(JavaRules.EMPTY_CATCH, catchClause, "empty catch block: the "
                            + String.join(" | ", caught) + " leaves no trace",
                            "log it, handle it, or say in a comment why it is safe to ignore");
                }
                continue;
            }
            if (caught.stream().anyMatch(BROAD::contains) && !INTENTIONAL.contains(variable)
                    && !file.hasCommentWithin(body) && swallows(body, variable)) {
                file.report(JavaRules.EXCEPTION_SWALLOWED, catchClause, "catch of " + String.join(" | ", caught)
                        + " drops the exception: not rethrown, logged or used",
                        "log it with context, rethrow it wrapped, or catch the specific exceptions expected");
            }
        }
    }

    private static List<String> caughtTypes(Type type) {
        if (type instanceof UnionType union) {
            return union.getElements().stream().map(Type::asString).toList();
        }
        return List.of(type.asString());
    }

    private static boolean restoresInterrupt(Node body) {
        return body.findFirst(ThrowStmt.class).isPresent() || body.findFirst(MethodCallExpr.class,
                call -> call.getNameAsString().equals("interrupt") && call.getScope()
                        .filter(scope -> scope instanceof MethodCallExpr current
                                && current.getNameAsString().equals("currentThread")).isPresent()).isPresent();
    }

    /**
     * The interruption is handed to whoever owns the work: wrapped in an exception kept to be thrown later (Kafka's
     * {@code InterruptException} even restores the flag itself), or failing a future or callback with it.
     */
    private static boolean handsOn(BlockStmt body, String variable) {
        Predicate<Expression> isCaught = argument -> argument instanceof NameExpr name
                && name.getNameAsString().equals(variable);
        return body.findFirst(ObjectCreationExpr.class, creation -> creation.getType().getNameAsString()
                .matches(".*(Exception|Error)") && creation.getArguments().stream().anyMatch(isCaught)).isPresent()
                || body.findFirst(MethodCallExpr.class, call -> HAND_OFF.contains(call.getNameAsString())
                && call.getArguments().stream().anyMatch(isCaught)).isPresent();
    }

    /** A call to a method of this file that restores the interrupt (or throws), e.g. {@code interrupted(e)}. */
    private static boolean restoresInHelper(SourceFile file, BlockStmt body) {
        return body.findFirst(MethodCallExpr.class, call -> (call.getScope().isEmpty()
                || call.getScope().get().isThisExpr()) && file.unit().findFirst(MethodDeclaration.class,
                method -> method.getNameAsString().equals(call.getNameAsString()) && restoresInterrupt(method))
                .isPresent()).isPresent();
    }

    /** The "wait uninterruptibly" idiom: note the interrupt in a flag, restore it when the method finishes. */
    private static boolean restoresLater(CatchClause catchClause) {
        boolean noted = catchClause.getBody().findFirst(AssignExpr.class,
                assign -> assign.getTarget() instanceof NameExpr).isPresent();
        return noted && SourceFile.ancestor(catchClause, CallableDeclaration.class).map(Node.class::cast)
                .filter(CatchBlockCheck::restoresInterrupt).isPresent();
    }

    private static boolean swallows(BlockStmt body, String variable) {
        boolean rethrows = body.findFirst(ThrowStmt.class).isPresent();
        boolean uses = body.findFirst(NameExpr.class, name -> name.getNameAsString().equals(variable)).isPresent();
        boolean logs = body.findFirst(MethodCallExpr.class, call -> LOG_METHODS.contains(call.getNameAsString())
                || call.getScope().filter(scope -> LOGGER.matcher(scope.toString()).matches()).isPresent())
                .isPresent();
        return !rethrows && !uses && !logs;
    }
}
