package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.Statement;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * For {@code java/interrupted-swallowed}: an interrupt that comes with the loop's stop flag, so that the loop ends at
 * its next test. The catch sits in a loop whose condition reads a field, a method of the class sets that field to
 * the value ending the loop, and the interrupt visibly comes with it: either that method also interrupts the thread
 * ({@code worker.interrupt()}, or {@code interrupt()} in a Thread subclass), or the class is the Thread itself and
 * the handler reads the flag (it tells the stop from other failures; the interrupt is sent by whoever calls the stop
 * method). The thread belongs to the class and ends with the loop, so no one else waits for the flag (JCIP 7.1.2,
 * "Interruption policies").
 */
final class StopFlagInterrupt {

    private StopFlagInterrupt() {
    }

    /** True when the interrupt {@code catchClause} receives comes with its loop's stop flag. */
    static boolean comesWithStopFlag(CatchClause catchClause) {
        Optional<Statement> loop = InterruptHandling.enclosingLoop(catchClause);
        Optional<ClassOrInterfaceDeclaration> owner = SourceFile.ancestor(catchClause,
                ClassOrInterfaceDeclaration.class);
        if (loop.isEmpty() || owner.isEmpty()) {
            return false;
        }
        Optional<Node> loopMethod = SourceFile.ancestor(loop.get(), CallableDeclaration.class).map(Node.class::cast);
        boolean thread = owner.get().getExtendedTypes().stream()
                .anyMatch(type -> type.getNameAsString().equals("Thread"));
        for (String flag : InterruptHandling.conditionNames(loop.get())) {
            if (Declaration.field(catchClause, flag).isEmpty()) {
                continue;
            }
            boolean ending = endsWhenTrue(loop.get(), flag);
            for (MethodDeclaration method : owner.get().getMethods()) {
                if (loopMethod.filter(m -> m == method).isEmpty() && setsFlag(method, flag, ending)
                        && (interruptsThread(method, thread) || thread && readsName(catchClause.getBody(), flag))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the loop's condition reads {@code flag} negated ({@code while (!stopped)}): true ends it. */
    private static boolean endsWhenTrue(Statement loop, String flag) {
        return InterruptHandling.condition(loop).flatMap(test -> test.findFirst(UnaryExpr.class,
                not -> not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
                        && readsName(not.getExpression(), flag))).isPresent();
    }

    /** {@code flag = value}, {@code this.flag = value} or {@code flag.set(value)} with a boolean literal. */
    private static boolean setsFlag(MethodDeclaration method, String flag, boolean ending) {
        Predicate<Expression> wanted = value -> value instanceof BooleanLiteralExpr literal
                && literal.getValue() == ending;
        Predicate<Expression> isFlag = target -> flag.equals(InterruptHandling.rootName(target));
        return method.findFirst(AssignExpr.class, assign -> isFlag.test(assign.getTarget())
                && wanted.test(assign.getValue())).isPresent() || method.findFirst(MethodCallExpr.class,
                call -> call.getNameAsString().equals("set") && call.getArguments().size() == 1
                && wanted.test(call.getArgument(0)) && call.getScope().filter(isFlag).isPresent()).isPresent();
    }

    /** {@code interrupt()} on a thread, or unqualified / on {@code this} in a Thread subclass. */
    private static boolean interruptsThread(MethodDeclaration method, boolean thread) {
        return method.findFirst(MethodCallExpr.class, call -> call.getNameAsString().equals("interrupt")
                && call.getArguments().isEmpty() && (call.getScope().isEmpty() || call.getScope().get().isThisExpr()
                ? thread : !(call.getScope().get() instanceof MethodCallExpr current
                && current.getNameAsString().equals("currentThread")))).isPresent();
    }

    private static boolean readsName(Node node, String name) {
        return node.findFirst(NameExpr.class, n -> n.getNameAsString().equals(name)).isPresent()
                || node.findFirst(FieldAccessExpr.class, access -> access.getScope().isThisExpr()
                && access.getNameAsString().equals(name)).isPresent();
    }
}
