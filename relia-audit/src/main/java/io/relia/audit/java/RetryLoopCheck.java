package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code java/retry-without-backoff} and {@code java/retry-unbounded}. A retry loop is a for/while/do loop holding a
 * try (a statement of the loop body itself) whose block leaves the loop on success (return or break) and a catch
 * that lets the loop go round again.
 * Loops that walk alternatives (the loop variable is used in the try, or an iterator is advanced) are not retries.
 */
final class RetryLoopCheck implements JavaCheck {

    private static final Predicate<Node> LOOPS = node -> node instanceof ForStmt || node instanceof WhileStmt
            || node instanceof DoStmt || node instanceof ForEachStmt;
    /** Failures a retry of the same call cannot fix, or that are not failures of the call (interrupts). */
    private static final Pattern NOT_RETRIED = Pattern.compile("NumberFormatException|.*Pars(e|ing)Exception"
            + "|DateTimeException|.*Syntax.*|.*AlreadyExists.*|.*NotFound.*|.*NoSuch.*|InterruptedException"
            + "|.*Error");
    /** Calls that take the next piece of work: a loop making them is a worker loop, not a retry. */
    static final Set<String> ITERATION = Set.of("next", "hasNext", "poll", "readLine", "remove", "take",
            "receive", "accept", "drainOne", "drainTo");
    private static final Set<String> DEADLINE_CALLS = Set.of("nanoTime", "currentTimeMillis", "now", "isAfter",
            "isBefore", "isNegative", "isZero");
    private static final Pattern BOUND_NAME = Pattern.compile("(?i).*(attempt|retr|tries|deadline|count).*");
    private static final Set<UnaryExpr.Operator> COUNTING = Set.of(UnaryExpr.Operator.PREFIX_INCREMENT,
            UnaryExpr.Operator.PREFIX_DECREMENT, UnaryExpr.Operator.POSTFIX_INCREMENT,
            UnaryExpr.Operator.POSTFIX_DECREMENT);
    private static final String JITTERED = "a constant delay plus jitter, no backoff";
    private static final Pattern GROWING_CALL = Pattern.compile("(?i)pow|scalb|multipliedBy|.*backoff.*");

    @Override
    public void check(SourceFile file) {
        List<Statement> loops = new ArrayList<>(file.all(ForStmt.class));
        loops.addAll(file.all(WhileStmt.class));
        loops.addAll(file.all(DoStmt.class));
        for (Statement loop : loops) {
            if (DesignedRetry.delegatesPacing(loop)) {
                continue;
            }
            if (!isRetry(loop)) {
                if (BusyLoop.goesRoundAfterFailureWithoutPause(file, loop)) {
                    file.report(JavaRules.RETRY_WITHOUT_BACKOFF, loop, "service loop goes round again right after "
                            + "a failure, and nothing in it waits: while the failure lasts it spins, burning a core "
                            + "and flooding the log", "pause on the failure path (sleep with backoff in the catch), "
                            + "or block on the work source (queue.poll(timeout), select)");
                } else {
                    BusyLoop.retriesFailedResult(file, loop).ifPresent(result -> file.report(
                            JavaRules.RETRY_WITHOUT_BACKOFF, loop, "retry loop until '" + result + "' says it "
                                    + "worked, with " + delay(file, loop) + " and no attempt limit or deadline",
                            "back off between attempts (growing pause up to a cap, with jitter) and give up "
                                    + "after a deadline"));
                }
                continue;
            }
            String delay = delay(file, loop);
            boolean backsOff = delay == null || delay.equals(JITTERED);
            if (unbounded(loop) && !(backsOff && DesignedRetry.exitsOtherwise(file, loop))) {
                file.report(JavaRules.RETRY_UNBOUNDED, loop, "retry loop without an attempt limit or deadline",
                        "count attempts (or check a deadline) and rethrow after the last one");
            }
            if (delay != null) {
                file.report(JavaRules.RETRY_WITHOUT_BACKOFF, loop, "retry loop with " + delay,
                        "sleep between attempts with exponential backoff and jitter, e.g. "
                                + "(base << attempt) + random(0, base)");
            }
        }
    }

    private static boolean isRetry(Statement loop) {
        Node body = body(loop);
        Set<String> loopVariables = new HashSet<>();
        if (loop instanceof ForStmt forStmt) {
            forStmt.getInitialization().stream().filter(VariableDeclarationExpr.class::isInstance)
                    .flatMap(init -> ((VariableDeclarationExpr) init).getVariables().stream())
                    .forEach(v -> loopVariables.add(v.getNameAsString()));
        }
        Optional<Expression> condition = condition(loop);
        if (condition.isPresent() && !condition.get().findAll(MethodCallExpr.class,
                call -> ITERATION.contains(call.getNameAsString())).isEmpty()) {
            return false;
        }
        loopVariables.addAll(counters(loop));
        for (AssignExpr assign : loop.findAll(AssignExpr.class)) {
            if (assign.getTarget() instanceof NameExpr name) {
                loopVariables.add(name.getNameAsString());
            }
        }
        List<Statement> topLevel = body instanceof BlockStmt block ? block.getStatements() : List.of((Statement) body);
        for (TryStmt tryStmt : topLevel.stream().filter(TryStmt.class::isInstance).map(TryStmt.class::cast).toList()) {
            Set<String> varying = new HashSet<>(loopVariables);
            body.findAll(VariableDeclarator.class, v -> !v.isDescendantOf(tryStmt))
                    .forEach(v -> varying.add(v.getNameAsString()));
            boolean walksAlternatives = !tryStmt.getTryBlock().findAll(NameExpr.class,
                    name -> varying.contains(name.getNameAsString()) && !assigned(name)).isEmpty()
                    || !tryStmt.getTryBlock().findAll(MethodCallExpr.class,
                    call -> ITERATION.contains(call.getNameAsString())).isEmpty();
            boolean retries = leavesOnSuccess(tryStmt)
                    ? tryStmt.getCatchClauses().stream().anyMatch(RetryLoopCheck::goesAround)
                    : tryStmt.getCatchClauses().stream().anyMatch(RetryLoopCheck::continues);
            if (!walksAlternatives && retries) {
                return true;
            }
        }
        return false;
    }

    private static boolean assigned(NameExpr name) {
        return name.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == name;
    }

    private static boolean leavesOnSuccess(TryStmt tryStmt) {
        if (!SourceFile.within(tryStmt.getTryBlock(), ReturnStmt.class, LOOPS).isEmpty()) {
            return true;
        }
        return SourceFile.within(tryStmt.getTryBlock(), BreakStmt.class, LOOPS.or(SwitchStmt.class::isInstance))
                .stream().anyMatch(b -> b.getLabel().isEmpty());
    }

    static boolean goesAround(CatchClause catchClause) {
        String caught = catchClause.getParameter().getType().asString();
        if (NOT_RETRIED.matcher(caught).matches()) {
            return false;
        }
        List<Statement> statements = catchClause.getBody().getStatements();
        if (statements.isEmpty()) {
            return true;
        }
        return !leaves(statements.get(statements.size() - 1));
    }

    /** True when {@code statement} always leaves the loop: throw, return, break, or an if/else whose arms all do. */
    static boolean leaves(Statement statement) {
        if (statement instanceof ThrowStmt || statement instanceof ReturnStmt || statement instanceof BreakStmt) {
            return true;
        }
        if (statement instanceof BlockStmt block) {
            List<Statement> inner = block.getStatements();
            return !inner.isEmpty() && leaves(inner.get(inner.size() - 1));
        }
        return statement instanceof IfStmt choice && choice.getElseStmt().isPresent()
                && leaves(choice.getThenStmt()) && leaves(choice.getElseStmt().get());
    }

    private static boolean continues(CatchClause catchClause) {
        List<Statement> statements = catchClause.getBody().getStatements();
        return !NOT_RETRIED.matcher(catchClause.getParameter().getType().asString()).matches()
                && !statements.isEmpty() && statements.get(statements.size() - 1) instanceof ContinueStmt next
                && next.getLabel().isEmpty();
    }

    static boolean unbounded(Statement loop) {
        Optional<Expression> condition = condition(loop);
        boolean forever = condition.isEmpty() || condition.get() instanceof BooleanLiteralExpr literal
                && literal.getValue();
        if (!forever) {
            return false;
        }
        Set<String> counted = counters(loop);
        for (IfStmt check : body(loop).findAll(IfStmt.class)) {
            boolean exits = !check.getThenStmt().findAll(Statement.class, s -> s instanceof ThrowStmt
                    || s instanceof ReturnStmt || s instanceof BreakStmt).isEmpty();
            boolean bounds = !check.getCondition().findAll(NameExpr.class, n -> counted.contains(n.getNameAsString())
                    || BOUND_NAME.matcher(n.getNameAsString()).matches()).isEmpty()
                    || !check.getCondition().findAll(MethodCallExpr.class,
                    call -> DEADLINE_CALLS.contains(call.getNameAsString())).isEmpty();
            if (exits && bounds) {
                return false;
            }
        }
        return true;
    }

    /** Names increased or decreased in the loop (attempt counters). */
    private static Set<String> counters(Statement loop) {
        Set<String> names = new HashSet<>();
        for (UnaryExpr unary : loop.findAll(UnaryExpr.class)) {
            if (unary.getExpression() instanceof NameExpr name && COUNTING.contains(unary.getOperator())) {
                names.add(name.getNameAsString());
            }
        }
        for (AssignExpr assign : loop.findAll(AssignExpr.class)) {
            if (assign.getTarget() instanceof NameExpr name && assign.getOperator() != AssignExpr.Operator.ASSIGN) {
                names.add(name.getNameAsString());
            }
        }
        return names;
    }

    /** Describes the delay between attempts when it does not grow; null when it backs off. */
    static String delay(SourceFile file, Statement loop) {
        List<MethodCallExpr> calls = loop.findAll(MethodCallExpr.class);
        boolean jitter = calls.stream().anyMatch(call -> call.getNameAsString().matches("random|next(Int|Long|Double)")
                || call.getScope().map(Node::toString).filter(s -> s.contains("Random")).isPresent());
        List<MethodCallExpr> sleeps = calls.stream().filter(RetryLoopCheck::sleeps).toList();
        List<MethodCallExpr> pauses = calls.stream().filter(call -> !sleeps.contains(call))
                .filter(call -> helper(file, call).filter(m -> m.findFirst(MethodCallExpr.class,
                        RetryLoopCheck::sleeps).isPresent()).isPresent()).toList();
        if (sleeps.isEmpty() && pauses.isEmpty()) {
            return "no delay between attempts (no backoff, no jitter)";
        }
        Set<String> growing = growingNames(loop);
        for (MethodCallExpr sleep : sleeps) {
            if (GROWING_CALL.matcher(sleep.getNameAsString()).matches() || grows(file, sleep.getArguments(), growing)) {
                return null;
            }
        }
        for (MethodCallExpr pause : pauses) {
            MethodDeclaration body = helper(file, pause).orElseThrow();
            boolean growsInside = body.findFirst(MethodCallExpr.class, call -> GROWING_CALL.matcher(
                    call.getNameAsString()).matches()).isPresent() || body.findFirst(BinaryExpr.class,
                    b -> b.getOperator() == BinaryExpr.Operator.MULTIPLY
                            || b.getOperator() == BinaryExpr.Operator.LEFT_SHIFT).isPresent();
            if (growsInside || grows(file, pause.getArguments(), growing)) {
                return null;
            }
        }
        return jitter ? JITTERED : "a constant delay, no jitter";
    }

    private static boolean grows(SourceFile file, List<Expression> arguments, Set<String> growing) {
        for (Expression argument : arguments) {
            boolean arithmetic = !argument.findAll(BinaryExpr.class,
                    b -> b.getOperator() == BinaryExpr.Operator.MULTIPLY
                    || b.getOperator() == BinaryExpr.Operator.LEFT_SHIFT).isEmpty();
            boolean growingCall = !argument.findAll(MethodCallExpr.class, call -> GROWING_CALL.matcher(
                    call.getNameAsString()).matches() || helperGrows(file, call)).isEmpty();
            boolean growingName = !argument.findAll(NameExpr.class, n -> growing.contains(n.getNameAsString()))
                    .isEmpty();
            if (arithmetic || growingCall || growingName) {
                return true;
            }
        }
        return false;
    }

    private static boolean helperGrows(SourceFile file, MethodCallExpr call) {
        return helper(file, call).filter(m -> m.findFirst(BinaryExpr.class,
                b -> b.getOperator() == BinaryExpr.Operator.MULTIPLY
                        || b.getOperator() == BinaryExpr.Operator.LEFT_SHIFT).isPresent()).isPresent();
    }

    private static boolean sleeps(MethodCallExpr call) {
        String name = call.getNameAsString().toLowerCase(Locale.ROOT);
        return name.contains("sleep") || name.contains("backoff") || name.equals("parknanos");
    }

    /** The method of this file that an unqualified (or {@code this.}) call invokes, matched by name and arity. */
    private static Optional<MethodDeclaration> helper(SourceFile file, MethodCallExpr call) {
        if (call.getScope().isPresent() && !call.getScope().get().isThisExpr()) {
            return Optional.empty();
        }
        return file.unit().findFirst(MethodDeclaration.class, m -> m.getNameAsString().equals(call.getNameAsString())
                && m.getParameters().size() == call.getArguments().size() && m.getBody().isPresent());
    }

    /** Variables that grow inside the loop: compound assignments, increments, or reassignment with arithmetic. */
    private static Set<String> growingNames(Statement loop) {
        Set<String> names = counters(loop);
        for (AssignExpr assign : loop.findAll(AssignExpr.class)) {
            if (assign.getTarget() instanceof NameExpr name && !assign.getValue().findAll(BinaryExpr.class,
                    b -> b.getOperator() == BinaryExpr.Operator.MULTIPLY
                            || b.getOperator() == BinaryExpr.Operator.LEFT_SHIFT
                            || b.getOperator() == BinaryExpr.Operator.PLUS).isEmpty()) {
                names.add(name.getNameAsString());
            }
            if (assign.getTarget() instanceof NameExpr name && !assign.getValue().findAll(MethodCallExpr.class,
                    call -> GROWING_CALL.matcher(call.getNameAsString()).matches()).isEmpty()) {
                names.add(name.getNameAsString());
            }
        }
        return names;
    }

    static Node body(Statement loop) {
        if (loop instanceof ForStmt forStmt) {
            return forStmt.getBody();
        }
        if (loop instanceof WhileStmt whileStmt) {
            return whileStmt.getBody();
        }
        return ((DoStmt) loop).getBody();
    }

    static Optional<Expression> condition(Statement loop) {
        if (loop instanceof ForStmt forStmt) {
            return forStmt.getCompare();
        }
        if (loop instanceof WhileStmt whileStmt) {
            return Optional.of(whileStmt.getCondition());
        }
        return Optional.of(((DoStmt) loop).getCondition());
    }
}
