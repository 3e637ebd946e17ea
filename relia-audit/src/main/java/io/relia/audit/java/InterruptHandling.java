package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Whether a catch clause that receives an interrupt honours it, and words for what it does instead. Interruption
 * asks the thread to stop what it is doing (JCIP 7.1.3, "Responding to interruption"): a handler honours it by
 * restoring the flag, by rethrowing, by handing the exception to whoever owns the work, or by ending the work itself
 * (leaving the worker loop, or being the last thing a task's {@code run()} does).
 */
final class InterruptHandling {

    /** Calls that fail a future, promise or callback with the exception given. */
    private static final Set<String> HAND_OFF = Set.of("completeExceptionally", "setException", "onError",
            "failure", "fail", "tryFailure", "setFailure");
    private static final Set<String> LOG_METHODS = Set.of("log", "trace", "debug", "info", "warn", "warning",
            "error", "severe", "fatal");
    private static final Pattern LOGGER = Pattern.compile("(?i).*(log|logger)");
    private static final Pattern INTERRUPT_HELPER = Pattern.compile("(?i).*interrupt.*");
    private static final Predicate<Node> LOOP = node -> node instanceof WhileStmt || node instanceof ForStmt
            || node instanceof ForEachStmt || node instanceof DoStmt;
    private static final Predicate<Node> BOUNDARY = node -> node instanceof CallableDeclaration
            || node instanceof LambdaExpr || node instanceof ObjectCreationExpr;

    private InterruptHandling() {
    }

    /** True when {@code catchClause} restores, rethrows, hands on the interrupt or ends the interrupted work. */
    static boolean honoured(SourceFile file, CatchClause catchClause) {
        BlockStmt body = catchClause.getBody();
        String variable = catchClause.getParameter().getNameAsString();
        return restoresInterrupt(body) || restoresLater(catchClause) || restoresInHelper(file, body, variable)
                || handsOn(body, variable) || leavesLoop(catchClause) || endsTask(catchClause)
                || StopFlagInterrupt.comesWithStopFlag(catchClause);
    }

    /** What the handler does instead, joined to a message: ", logs it and goes on", " and returns". */
    static String conduct(CatchClause catchClause) {
        List<Statement> statements = catchClause.getBody().getStatements();
        boolean returns = !statements.isEmpty() && statements.get(statements.size() - 1) instanceof ReturnStmt;
        if (logs(catchClause.getBody())) {
            return returns ? ", logs it and returns" : ", logs it and goes on";
        }
        if (returns) {
            return " and returns";
        }
        return statements.isEmpty() ? " and ignores it" : " and goes on";
    }

    /** True when {@code body} calls a logger (a log-level method, or any method of something named log/logger). */
    static boolean logs(Node body) {
        return body.findFirst(MethodCallExpr.class, call -> LOG_METHODS.contains(call.getNameAsString())
                || call.getScope().filter(scope -> LOGGER.matcher(scope.toString()).matches()).isPresent())
                .isPresent();
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

    /**
     * A call to a method of this file that restores the interrupt (or throws), or a helper of any file given the
     * exception whose name says it deals with interrupts (Curator's {@code ThreadUtils.checkInterrupted(e)}).
     */
    private static boolean restoresInHelper(SourceFile file, BlockStmt body, String variable) {
        boolean named = body.findFirst(MethodCallExpr.class, call -> INTERRUPT_HELPER.matcher(call.getNameAsString())
                .matches() && call.getArguments().stream().anyMatch(argument -> argument instanceof NameExpr name
                && name.getNameAsString().equals(variable))).isPresent();
        return named || body.findFirst(MethodCallExpr.class, call -> (call.getScope().isEmpty()
                || call.getScope().get().isThisExpr()) && file.unit().findFirst(MethodDeclaration.class,
                method -> method.getNameAsString().equals(call.getNameAsString()) && restoresInterrupt(method))
                .isPresent()).isPresent();
    }

    /** The "wait uninterruptibly" idiom: note the interrupt in a flag, restore it when the method finishes. */
    private static boolean restoresLater(CatchClause catchClause) {
        boolean noted = catchClause.getBody().findFirst(AssignExpr.class,
                assign -> assign.getTarget() instanceof NameExpr).isPresent();
        return noted && SourceFile.ancestor(catchClause, CallableDeclaration.class).map(Node.class::cast)
                .filter(InterruptHandling::restoresInterrupt).isPresent();
    }

    /**
     * Inside a worker loop, the handler ends the loop: its last statement returns (without a value) or breaks out (or
     * every branch of a final if/else does), or it clears the loop's running flag ({@code running = false},
     * {@code stopped.set(true)} where the loop's condition reads that name).
     */
    private static boolean leavesLoop(CatchClause catchClause) {
        Optional<Statement> loop = enclosingLoop(catchClause);
        if (loop.isEmpty()) {
            return false;
        }
        List<Statement> statements = catchClause.getBody().getStatements();
        Statement last = statements.isEmpty() ? null : statements.get(statements.size() - 1);
        if (last != null && returns(last)) {
            return true;
        }
        Set<String> flags = conditionNames(loop.get());
        boolean ends = last != null && leaves(last) || catchClause.getBody().findFirst(AssignExpr.class,
                assign -> flags.contains(rootName(assign.getTarget()))).isPresent()
                || catchClause.getBody().findFirst(MethodCallExpr.class, call -> call.getNameAsString().equals("set")
                && call.getScope().filter(scope -> flags.contains(rootName(scope))).isPresent()).isPresent();
        // Breaking out of a wait loop only to carry on with the method's work is no exit: require that nothing but
        // logging follows the loop.
        return ends && onlyLoggingAfter(loop.get()).isPresent();
    }

    /**
     * Nothing but logging follows the try in a task: a {@code run()} or {@code call()} method, or a lambda taking no
     * arguments. Whatever the handler does, the task then ends, which is what interrupting it asked for.
     */
    private static boolean endsTask(CatchClause catchClause) {
        Node owner = onlyLoggingAfter(catchClause.getParentNode().orElseThrow()).orElse(null);
        if (owner instanceof MethodDeclaration method) {
            return method.getParameters().isEmpty() && (method.getNameAsString().equals("run")
                    || method.getNameAsString().equals("call"));
        }
        return owner instanceof LambdaExpr lambda && lambda.getParameters().isEmpty();
    }

    /**
     * The method or lambda that ends once {@code statement} is done, when nothing but logging (or a bare return)
     * follows it there; empty when more work follows, or an enclosing loop or switch goes on.
     */
    private static Optional<Node> onlyLoggingAfter(Node statement) {
        Node current = statement;
        while (current.getParentNode().isPresent()) {
            Node parent = current.getParentNode().get();
            if (parent instanceof CallableDeclaration || parent instanceof LambdaExpr) {
                return Optional.of(parent);
            }
            if (LOOP.test(parent) || parent instanceof SwitchEntry) {
                return Optional.empty();
            }
            if (parent instanceof BlockStmt block && !onlyLoggingFollows(block, current)) {
                return Optional.empty();
            }
            current = parent;
        }
        return Optional.empty();
    }

    private static boolean onlyLoggingFollows(BlockStmt block, Node statement) {
        boolean after = false;
        for (Statement next : block.getStatements()) {
            if (after && !(next instanceof ReturnStmt done && done.getExpression().isEmpty())
                    && !(next instanceof ExpressionStmt expression && expression.getExpression()
                    instanceof MethodCallExpr && logs(expression))) {
                return false;
            }
            after = after || next == statement;
        }
        return true;
    }

    static Optional<Statement> enclosingLoop(CatchClause catchClause) {
        Node node = catchClause.getParentNode().orElseThrow();
        while (node.getParentNode().isPresent()) {
            node = node.getParentNode().get();
            if (BOUNDARY.test(node)) {
                return Optional.empty();
            }
            if (LOOP.test(node)) {
                return Optional.of((Statement) node);
            }
        }
        return Optional.empty();
    }

    /** True when {@code statement} always leaves the loop: return, break, or an if/else whose arms all do. */
    private static boolean leaves(Statement statement) {
        return always(statement, s -> isBareReturn(s) || s instanceof BreakStmt);
    }

    /**
     * True when {@code statement} always returns nothing (itself, or every arm of a final if/else). A return with a
     * value hands the caller a sentinel ({@code return -1}) and the caller goes on: that loses the interrupt.
     */
    private static boolean returns(Statement statement) {
        return always(statement, InterruptHandling::isBareReturn);
    }

    private static boolean isBareReturn(Statement statement) {
        return statement instanceof ReturnStmt done && done.getExpression().isEmpty();
    }

    private static boolean always(Statement statement, Predicate<Statement> exit) {
        if (exit.test(statement)) {
            return true;
        }
        if (statement instanceof BlockStmt block) {
            List<Statement> inner = block.getStatements();
            return !inner.isEmpty() && always(inner.get(inner.size() - 1), exit);
        }
        return statement instanceof IfStmt choice && choice.getElseStmt().isPresent()
                && always(choice.getThenStmt(), exit) && always(choice.getElseStmt().get(), exit);
    }

    static Optional<Expression> condition(Statement loop) {
        return loop instanceof WhileStmt whileStmt ? Optional.of(whileStmt.getCondition())
                : loop instanceof DoStmt doStmt ? Optional.of(doStmt.getCondition())
                : loop instanceof ForStmt forStmt ? forStmt.getCompare() : Optional.empty();
    }

    static Set<String> conditionNames(Statement loop) {
        Set<String> names = new HashSet<>();
        condition(loop).ifPresent(c -> {
            c.findAll(NameExpr.class).forEach(name -> names.add(name.getNameAsString()));
            c.findAll(FieldAccessExpr.class).forEach(access -> names.add(rootName(access)));
        });
        names.remove("");
        return names;
    }

    /** {@code running} for {@code running}, {@code this.running} and {@code state.running}'s root name. */
    static String rootName(Expression expression) {
        if (expression instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (expression instanceof FieldAccessExpr access) {
            return access.getScope().isThisExpr() ? access.getNameAsString() : rootName(access.getScope());
        }
        return "";
    }
}
