package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A wait built from timed waits: {@code while (!disposed.get()) { if (latch.await(1, SECONDS)) break; }}. Each wait
 * is bounded, the loop is not, so a method whose body is such a loop and that has no deadline of its own waits as
 * long as an untimed {@code get()} would (a hand-written {@code Future.get()}, ActiveMQ's network bridge, AMQ-5007).
 */
final class PollingWait {

    /** Waits whose timed form takes (amount, unit). */
    private static final Set<String> UNIT_WAITS = Set.of("await", "poll", "get", "tryAcquire", "tryLock", "offer",
            "awaitTermination", "join");
    /**
     * Waits whose timed form takes one amount: Object.wait(ms), Thread.join(ms), Condition.awaitNanos. A loop of
     * Thread.sleep polling a flag is left out: what it waits for is usually local work of this process (Sentinel's
     * log appender waits out a file roll that way), not a peer that may never answer.
     */
    private static final Set<String> AMOUNT_WAITS = Set.of("wait", "join", "awaitNanos");
    /** What a loop with a deadline or a bound mentions (RetryLoopCheck's deadline calls, and names). */
    private static final Pattern BOUND = Pattern.compile("(?i).*(deadline|remaining|elapsed|timeout|expir|attempt"
            + "|tries|retr|nanotime|currenttimemillis|instant|clock).*");

    private static final Pattern WAIT_METHOD = Pattern.compile("get|join|take|acquire|(?:await|waitFor|waitUntil)"
            + "\\w*");
    private static final Pattern STATE_READ = Pattern.compile("get\\w*|is\\w*|has\\w*|size|currentThread"
            + "|interrupted");

    private PollingWait() {
    }

    /**
     * The first timed wait inside a loop of {@code method} that has no deadline and does nothing but wait and read
     * state (a worker loop does work between its waits); empty when there is none, or when the method is not named
     * like a wait a caller expects to block on (get, join, take, acquire, await*, waitFor*, waitUntil*).
     */
    static Optional<MethodCallExpr> in(MethodDeclaration method) {
        if (method.getBody().isEmpty() || !WAIT_METHOD.matcher(method.getNameAsString()).matches()) {
            return Optional.empty();
        }
        List<Statement> loops = method.getBody().get().findAll(Statement.class, statement -> statement
                instanceof WhileStmt || statement instanceof DoStmt || statement instanceof ForStmt forStmt
                && forStmt.getUpdate().isEmpty());
        for (Statement loop : loops) {
            Optional<MethodCallExpr> timed = loop.findFirst(MethodCallExpr.class, PollingWait::timedWait);
            if (timed.isPresent() && !bounded(loop) && onlyWaits(loop)) {
                return timed;
            }
        }
        return Optional.empty();
    }

    /** Every call in the loop is a timed wait or a state read without arguments ({@code isDone()}, {@code get()}). */
    private static boolean onlyWaits(Node loop) {
        return loop.findAll(MethodCallExpr.class).stream().allMatch(call -> timedWait(call)
                || call.getArguments().isEmpty() && STATE_READ.matcher(call.getNameAsString()).matches());
    }

    private static boolean timedWait(MethodCallExpr call) {
        String name = call.getNameAsString();
        List<Expression> arguments = call.getArguments();
        if (arguments.size() == 2 && UNIT_WAITS.contains(name)) {
            String unit = arguments.get(1).toString();
            return unit.contains("TimeUnit") || unit.equalsIgnoreCase("unit") || unit.matches("[A-Z]+S");
        }
        return arguments.size() == 1 && AMOUNT_WAITS.contains(name);
    }

    /** True when the loop mentions a deadline, a clock or an attempt count anywhere (condition or body). */
    private static boolean bounded(Node loop) {
        return loop.findFirst(Node.class, node -> node instanceof NameExpr name && BOUND.matcher(
                name.getNameAsString()).matches() || node instanceof FieldAccessExpr field && BOUND.matcher(
                field.getNameAsString()).matches() || node instanceof MethodCallExpr call && BOUND.matcher(
                call.getNameAsString()).matches()).isPresent();
    }
}
