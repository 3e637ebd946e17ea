package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code java/retry-without-backoff} for retries that go round through a scheduler: on a failure path, a method
 * schedules a task that calls it again (directly or through methods of this file) after a fixed delay. Recursion
 * through a scheduler is a loop, and a fixed delay repeated forever keeps a struggling dependency under the same
 * load and keeps clients in step (AWS Builders' Library, "Timeouts, retries, and backoff with jitter"; Google SRE
 * book, ch. 22 "Addressing Cascading Failures"). A job that reschedules itself whatever happens is periodic, not a
 * retry, and is not reported; neither is a delay computed by a policy or one that grows, nor a retry the method
 * bounds by an attempt count.
 */
final class RetryRescheduleCheck implements JavaCheck {

    /** Calls that run a task later: {@code schedule}, {@code postDelayed}, {@code newTimeout}, {@code addRequest}. */
    private static final Pattern SCHEDULING = Pattern.compile("(?i).*(schedule|later|delay|timer|timeout|request|"
            + "retry|after).*");
    private static final Pattern RETRYING_METHOD = Pattern.compile("(?i).*(retry|retries|reconnect|reschedule).*");
    private static final Pattern FAILURE_CONDITION = Pattern.compile("(?is).*(\\b(err|error|cause|ex|e|t|throwable"
            + "|exception|failure)\\s*!=\\s*null|!\\s*[\\w.()]*is(Success|Successful)\\(\\)|isFailed|hasError"
            + "|isCompletedExceptionally).*");
    private static final Pattern BOUND = Pattern.compile("(?is).*(attempt|retr|tries|deadline|count|max).*");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> DURATION_PARTS = Set.of("getDuration", "getUnit", "toMillis", "toNanos",
            "toSeconds", "getSeconds", "ofMillis", "ofSeconds", "ofMinutes", "ofNanos", "of", "valueOf");
    private static final int MAX_DEPTH = 4;

    @Override
    public void check(SourceFile file) {
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            if (!SCHEDULING.matcher(call.getNameAsString()).matches()) {
                continue;
            }
            List<Expression> tasks = call.getArguments().stream()
                    .filter(a -> a instanceof LambdaExpr || a instanceof MethodReferenceExpr).toList();
            List<Expression> delays = call.getArguments().stream().filter(a -> !tasks.contains(a)
                    && !(a instanceof StringLiteralExpr)).toList();
            Optional<MethodDeclaration> method = SourceFile.ancestor(call, MethodDeclaration.class);
            if (tasks.isEmpty() || delays.isEmpty() || method.isEmpty()
                    || !delays.stream().allMatch(d -> fixed(d, 0))
                    || !reachesBack(file, tasks, method.get().getNameAsString())
                    || !onFailurePath(call, method.get()) || bounded(method.get())) {
                continue;
            }
            file.report(JavaRules.RETRY_WITHOUT_BACKOFF, call, "retry rescheduled after a failure at a fixed "
                    + "delay (" + delays.get(0) + ") with no attempt limit: the same rate however long the failure "
                    + "lasts, no backoff, no jitter", "grow the delay per attempt with jitter and a cap, e.g. "
                    + "min(cap, base << attempt) + random(0, base), and count attempts");
        }
    }

    /** True when a task, through calls and method references within this file, calls {@code target} again. */
    private static boolean reachesBack(SourceFile file, List<Expression> tasks, String target) {
        Set<String> seen = new HashSet<>();
        Deque<Node> pending = new ArrayDeque<>(tasks);
        for (int depth = 0; depth <= MAX_DEPTH && !pending.isEmpty(); depth++) {
            Deque<Node> next = new ArrayDeque<>();
            for (Node node : pending) {
                for (String callee : callees(node)) {
                    if (callee.equals(target)) {
                        return true;
                    }
                    if (seen.add(callee)) {
                        next.addAll(file.unit().findAll(MethodDeclaration.class,
                                m -> m.getNameAsString().equals(callee) && m.getBody().isPresent()));
                    }
                }
            }
            pending = next;
        }
        return false;
    }

    /** Methods of this object that {@code node} calls or refers to ({@code f()}, {@code this.f()}, {@code this::f}). */
    private static Set<String> callees(Node node) {
        Set<String> names = new HashSet<>();
        if (node instanceof MethodReferenceExpr reference && reference.getScope() instanceof ThisExpr) {
            names.add(reference.getIdentifier());
        }
        node.findAll(MethodCallExpr.class, c -> c.getScope().map(Expression::isThisExpr).orElse(true))
                .forEach(c -> names.add(c.getNameAsString()));
        node.findAll(MethodReferenceExpr.class, r -> r.getScope() instanceof ThisExpr)
                .forEach(r -> names.add(r.getIdentifier()));
        return names;
    }

    /**
     * An attempt limit in the method: an if on a count, a maximum or a deadline that leaves it. A few attempts at a
     * fixed delay end; the harm is the same delay forever.
     */
    private static boolean bounded(MethodDeclaration method) {
        return !method.findAll(IfStmt.class, check -> BOUND.matcher(check.getCondition().toString()).matches()
                && !check.getThenStmt().findAll(Statement.class, s -> s instanceof ReturnStmt
                || s instanceof ThrowStmt).isEmpty()).isEmpty();
    }

    /** In a catch, under a failure test ({@code error != null}, {@code !f.isSuccess()}), or in a retry method. */
    private static boolean onFailurePath(MethodCallExpr call, MethodDeclaration method) {
        if (RETRYING_METHOD.matcher(method.getNameAsString()).matches()) {
            return true;
        }
        for (Node up = call.getParentNode().orElse(null); up != null && up != method;
             up = up.getParentNode().orElse(null)) {
            if (up instanceof CatchClause) {
                return true;
            }
            if (up instanceof IfStmt choice && call.isDescendantOf(choice.getThenStmt())
                    && FAILURE_CONDITION.matcher(choice.getCondition().toString()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A literal, a constant, a unit, or arithmetic and duration conversions of those: the same every time. */
    private static boolean fixed(Expression delay, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (delay instanceof EnclosedExpr enclosed) {
            return fixed(enclosed.getInner(), depth + 1);
        }
        if (delay instanceof IntegerLiteralExpr || delay instanceof LongLiteralExpr
                || delay instanceof DoubleLiteralExpr) {
            return true;
        }
        if (delay instanceof NameExpr name) {
            return CONSTANT.matcher(name.getNameAsString()).matches();
        }
        if (delay instanceof FieldAccessExpr field) {
            return CONSTANT.matcher(field.getNameAsString()).matches();
        }
        if (delay instanceof BinaryExpr binary) {
            return fixed(binary.getLeft(), depth + 1) && fixed(binary.getRight(), depth + 1);
        }
        return delay instanceof MethodCallExpr call && DURATION_PARTS.contains(call.getNameAsString())
                && call.getScope().map(scope -> fixed(scope, depth + 1) || scope.toString().equals("Duration")
                        || scope.toString().equals("TimeUnit")).orElse(false)
                && call.getArguments().stream().allMatch(a -> fixed(a, depth + 1));
    }
}
