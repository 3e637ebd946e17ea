package io.relia.audit.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code java/interrupted-swallowed}, {@code java/empty-catch} and {@code java/exception-swallowed}. */
final class CatchBlockCheck implements JavaCheck {

    private static final Set<String> BROAD = Set.of("Exception", "java.lang.Exception", "RuntimeException",
            "java.lang.RuntimeException", "Throwable", "java.lang.Throwable");
    /** The broad types that InterruptedException extends (RuntimeException is not one). */
    private static final Set<String> INTERRUPT_SUPERTYPES = Set.of("Exception", "java.lang.Exception", "Throwable",
            "java.lang.Throwable");
    private static final Set<String> INTENTIONAL = Set.of("ignored", "ignore", "expected", "ignoredException");

    @Override
    public void check(SourceFile file) {
        for (CatchClause catchClause : file.all(CatchClause.class)) {
            List<String> caught = InterruptibleCalls.caught(catchClause);
            if (caught.stream().anyMatch(t -> t.endsWith("InterruptedException"))) {
                checkInterrupted(file, catchClause);
                continue;
            }
            if (checkBroadInterrupted(file, catchClause, caught)) {
                continue;
            }
            BlockStmt body = catchClause.getBody();
            String variable = catchClause.getParameter().getNameAsString();
            if (body.getStatements().isEmpty()) {
                if (!file.hasCommentWithin(body) && !INTENTIONAL.contains(variable)
                        && !FallbackCatch.deliberate(catchClause)) {
                    file.report(JavaRules.EMPTY_CATCH, catchClause, "empty catch block: the "
                            + String.join(" | ", caught) + " leaves no trace",
                            "log it, handle it, or say in a comment why it is safe to ignore");
                }
                continue;
            }
            if (caught.stream().anyMatch(BROAD::contains) && !INTENTIONAL.contains(variable)
                    && !file.hasCommentWithin(body) && swallows(body, variable)
                    && !FallbackCatch.deliberate(catchClause)) {
                file.report(JavaRules.EXCEPTION_SWALLOWED, catchClause, "catch of " + String.join(" | ", caught)
                        + " drops the exception: not rethrown, logged or used",
                        "log it with context, rethrow it wrapped, or catch the specific exceptions expected");
            }
        }
    }

    private static void checkInterrupted(SourceFile file, CatchClause catchClause) {
        if (!InterruptHandling.honoured(file, catchClause)) {
            file.report(JavaRules.INTERRUPTED_SWALLOWED, catchClause, "catches InterruptedException"
                    + InterruptHandling.conduct(catchClause) + " without restoring the interrupt flag",
                    "call Thread.currentThread().interrupt() (and stop the work), or rethrow");
        }
    }

    /**
     * A {@code catch (Exception | Throwable)} around a call that throws InterruptedException receives the interrupt
     * too, unless an earlier clause of the same try catches it. Returns true when it was reported: one finding per
     * catch, and the lost interrupt is the graver one.
     */
    private static boolean checkBroadInterrupted(SourceFile file, CatchClause catchClause, List<String> caught) {
        if (caught.stream().noneMatch(INTERRUPT_SUPERTYPES::contains)
                || !(catchClause.getParentNode().orElse(null) instanceof TryStmt tryStmt)) {
            return false;
        }
        for (CatchClause earlier : tryStmt.getCatchClauses()) {
            if (earlier == catchClause) {
                break;
            }
            if (InterruptibleCalls.caught(earlier).stream().anyMatch(t -> t.endsWith("InterruptedException"))) {
                return false;
            }
        }
        Optional<MethodCallExpr> call = InterruptibleCalls.first(file, tryStmt);
        if (call.isEmpty() || InterruptHandling.honoured(file, catchClause)) {
            return false;
        }
        file.report(JavaRules.INTERRUPTED_SWALLOWED, catchClause, "catch of " + String.join(" | ", caught)
                + " also catches the InterruptedException of " + shown(call.get())
                + InterruptHandling.conduct(catchClause) + " without restoring the interrupt flag",
                "catch InterruptedException first: call Thread.currentThread().interrupt() and stop the work, "
                        + "or rethrow");
        return true;
    }

    /** {@code queue.take() (line 12)}, shortened when the receiver is a long expression. */
    private static String shown(MethodCallExpr call) {
        String receiver = call.getScope().map(Expression::toString).map(s -> s.length() > 40 ? "..." : s + ".")
                .orElse("");
        return receiver + call.getNameAsString() + "()" + call.getBegin().map(p -> " (line " + p.line + ")")
                .orElse("");
    }

    private static boolean swallows(BlockStmt body, String variable) {
        boolean rethrows = body.findFirst(ThrowStmt.class).isPresent();
        boolean uses = body.findFirst(NameExpr.class, name -> name.getNameAsString().equals(variable)).isPresent();
        return !rethrows && !uses && !InterruptHandling.logs(body);
    }
}
