package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A service loop ({@code while (running) { try { work(); } catch (Exception e) { log } }}) that goes round again
 * right after a failure while nothing in it waits: not a sleep, not a blocking take/poll/select/read. A poller is
 * judged by its failure path: when the work fails for as long as a dependency is down, the loop spins.
 * It is only judged when its work is visible: every call in the loop is to a method of this file (read up to three
 * calls deep) or to a logger; a call to other code may block inside and is given the benefit of the doubt.
 * Also a retry told by a result rather than an exception ({@link #retriesFailedResult}).
 */
final class BusyLoop {

    private static final Pattern RELATIONAL = Pattern.compile("<|>|<=|>=");
    private static final Pattern LOGGER = Pattern.compile("(?i)log(ger)?");
    private static final List<String> WAITING_PREFIXES = List.of("sleep", "park", "wait", "await", "take", "poll",
            "select", "accept", "receive", "recv", "read", "join", "acquire", "consume", "fetch", "pull", "exchange",
            "transfer", "onspinwait", "yield", "lock", "block");
    private static final int MAX_DEPTH = 3;
    /** A result that says whether the attempt worked: {@code failures}, {@code isSuccess()}, {@code ok}. */
    private static final Pattern VERDICT = Pattern.compile("(?i).*(fail|error|success|succeed).*|ok");

    private BusyLoop() {
    }

    static boolean goesRoundAfterFailureWithoutPause(SourceFile file, Statement loop) {
        if (!runsUntilStopped(loop)) {
            return false;
        }
        Node body = RetryLoopCheck.body(loop);
        List<Statement> topLevel = body instanceof BlockStmt block ? block.getStatements() : List.of((Statement) body);
        boolean swallowing = topLevel.stream().filter(TryStmt.class::isInstance).map(TryStmt.class::cast)
                .anyMatch(t -> t.getCatchClauses().stream().anyMatch(RetryLoopCheck::goesAround));
        if (!swallowing) {
            return false;
        }
        List<Node> visible = new ArrayList<>(List.of(loop));
        if (!helpersVisible(file, body, visible, new HashSet<>(), 0) || visible.size() == 1) {
            return false;
        }
        return visible.stream().noneMatch(node -> !node.findAll(MethodCallExpr.class, BusyLoop::waits).isEmpty());
    }

    /** {@code while (running)}, {@code while (true)}, {@code for (;;)}: not a loop over items or a count. */
    private static boolean runsUntilStopped(Statement loop) {
        if (loop instanceof ForStmt forStmt && (!forStmt.getInitialization().isEmpty()
                || !forStmt.getUpdate().isEmpty())) {
            return false;
        }
        Optional<Expression> condition = RetryLoopCheck.condition(loop);
        return condition.isEmpty() || condition.get().findAll(MethodCallExpr.class,
                call -> RetryLoopCheck.ITERATION.contains(call.getNameAsString())).isEmpty()
                && condition.get().findAll(BinaryExpr.class,
                b -> RELATIONAL.matcher(b.getOperator().asString()).matches()).isEmpty();
    }

    /**
     * Adds the bodies of this file's methods that {@code node} calls to {@code visible} (three calls deep). False when
     * the loop's own work (outside its catch clauses and condition) calls code this file does not show, other than
     * a logger: whether that code waits cannot be judged. Inside helpers, calls to other code are taken as they are.
     */
    private static boolean helpersVisible(SourceFile file, Node node, List<Node> visible, Set<String> seen,
                                          int depth) {
        for (MethodCallExpr call : node.findAll(MethodCallExpr.class)) {
            boolean ownWork = depth > 0
                    || SourceFile.ancestor(call, CatchClause.class).filter(c -> c.isDescendantOf(node)).isEmpty();
            Optional<Expression> scope = call.getScope();
            if (scope.isPresent() && !scope.get().isThisExpr()) {
                boolean logging = scope.get() instanceof NameExpr name
                        && LOGGER.matcher(name.getNameAsString()).matches();
                if (depth == 0 && ownWork && !logging) {
                    return false;
                }
                continue;
            }
            if (!ownWork || depth >= MAX_DEPTH || !seen.add(call.getNameAsString())) {
                continue;
            }
            List<MethodDeclaration> declared = file.unit().findAll(MethodDeclaration.class,
                    m -> m.getNameAsString().equals(call.getNameAsString()) && m.getBody().isPresent());
            if (declared.isEmpty() && depth == 0) {
                return false;
            }
            for (MethodDeclaration method : declared) {
                visible.add(method);
                helpersVisible(file, method, visible, seen, depth + 1);
            }
        }
        return true;
    }

    private static boolean waits(MethodCallExpr call) {
        String name = call.getNameAsString().toLowerCase(Locale.ROOT);
        if (name.equals("get")) {
            return call.getArguments().size() != 1;
        }
        return name.contains("sleep") || name.contains("backoff") || name.contains("wait")
                || WAITING_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /**
     * The name of the result a forever loop retries on: {@code while (true) { failures = locator.bin(ranges);
     * if (failures.isEmpty()) break; sleep(100); }} calls another object, tests what it answered for a verdict
     * (a name with fail/error/success in it), leaves when it worked and otherwise sleeps and goes round. Empty when the
     * loop has an attempt bound or deadline, or nothing in it sleeps: a compare-and-set loop retries at once by design.
     */
    static Optional<String> retriesFailedResult(SourceFile file, Statement loop) {
        String delay = RetryLoopCheck.delay(file, loop);
        if (!RetryLoopCheck.unbounded(loop) || delay == null || !delay.startsWith("a constant")) {
            return Optional.empty();
        }
        Node body = RetryLoopCheck.body(loop);
        List<Statement> topLevel = body instanceof BlockStmt block ? block.getStatements() : List.of((Statement) body);
        Set<String> results = new HashSet<>();
        for (Statement statement : topLevel) {
            statement.findAll(VariableDeclarator.class, v -> v.getInitializer().filter(BusyLoop::callsOther)
                    .isPresent()).forEach(v -> results.add(v.getNameAsString()));
            statement.findAll(AssignExpr.class, a -> a.getTarget() instanceof NameExpr && callsOther(a.getValue()))
                    .forEach(a -> results.add(a.getTarget().toString()));
            if (statement instanceof IfStmt check && leavesOnOneArm(check)) {
                Optional<String> tested = check.getCondition().findAll(NameExpr.class).stream()
                        .map(NameExpr::getNameAsString).filter(results::contains)
                        .filter(name -> VERDICT.matcher(name).matches() || check.getCondition().findFirst(
                                MethodCallExpr.class, c -> VERDICT.matcher(c.getNameAsString()).matches()).isPresent())
                        .findFirst();
                if (tested.isPresent()) {
                    return tested;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean callsOther(Expression value) {
        return value instanceof MethodCallExpr call && call.getScope().filter(s -> !s.isThisExpr()).isPresent();
    }

    private static boolean leavesOnOneArm(IfStmt check) {
        return RetryLoopCheck.leaves(check.getThenStmt())
                || check.getElseStmt().filter(RetryLoopCheck::leaves).isPresent();
    }
}
