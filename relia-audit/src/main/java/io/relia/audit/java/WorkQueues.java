package io.relia.audit.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The work queue a thread pool is built with, traced within the file: written inline, held in a local, a field or a
 * constant (initialised where declared or assigned in the class), or returned by a factory method of the file.
 * Real pools mostly keep the queue apart from the constructor call (x-pipe's executor factory holds it in a field,
 * others build it in a helper), and an unbounded queue there is the same flaw as one written inline.
 */
final class WorkQueues {

    /** Capacity-taking queues: unbounded without a capacity argument or with Integer.MAX_VALUE, their default. */
    private static final Set<String> OPTIONALLY_BOUNDED = Set.of("java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.LinkedBlockingDeque");
    private static final Set<String> NEVER_BOUNDED = Set.of("java.util.concurrent.LinkedTransferQueue",
            "java.util.concurrent.PriorityBlockingQueue", "java.util.concurrent.DelayQueue");

    private WorkQueues() {
    }

    /** The creation of the queue {@code argument} denotes, when the file shows it and it has no capacity. */
    static Optional<ObjectCreationExpr> unbounded(SourceFile file, Expression argument) {
        return creation(argument).filter(queue -> unbounded(file, queue));
    }

    private static boolean unbounded(SourceFile file, ObjectCreationExpr queue) {
        String type = file.resolve(queue.getType());
        if (NEVER_BOUNDED.contains(type)) {
            return true;
        }
        return OPTIONALLY_BOUNDED.contains(type) && (queue.getArguments().isEmpty()
                || queue.getArgument(0).toString().equals("Integer.MAX_VALUE"));
    }

    private static Optional<ObjectCreationExpr> creation(Expression argument) {
        Expression value = argument.isEnclosedExpr() ? argument.asEnclosedExpr().getInner() : argument;
        if (value instanceof ObjectCreationExpr created) {
            return Optional.of(created);
        }
        if (value instanceof NameExpr name) {
            return Declaration.of(name).flatMap(declaration -> declaration.initializer()
                    .or(() -> onlyAssignment(value, name.getNameAsString()))).flatMap(WorkQueues::direct);
        }
        if (value instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
            return Declaration.field(value, access.getNameAsString()).flatMap(declaration -> declaration
                    .initializer().or(() -> onlyAssignment(value, access.getNameAsString())))
                    .flatMap(WorkQueues::direct);
        }
        if (value instanceof MethodCallExpr call && call.getScope().isEmpty()) {
            return factoryResult(call);
        }
        return Optional.empty();
    }

    private static Optional<ObjectCreationExpr> direct(Expression value) {
        return value instanceof ObjectCreationExpr created ? Optional.of(created) : Optional.empty();
    }

    /** The value of the one assignment to field {@code name} in the class (a constructor's, typically). */
    private static Optional<Expression> onlyAssignment(Expression inside, String name) {
        List<Expression> values = SourceFile.ancestor(inside, TypeDeclaration.class).stream()
                .flatMap(type -> type.findAll(AssignExpr.class).stream())
                .filter(assign -> assigns(assign.getTarget(), name)).map(AssignExpr::getValue).toList();
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    private static boolean assigns(Expression target, String name) {
        return target instanceof NameExpr simple && simple.getNameAsString().equals(name)
                || target instanceof FieldAccessExpr access && access.getScope().isThisExpr()
                && access.getNameAsString().equals(name);
    }

    /** What a factory method of the same class returns, when it has exactly one return of a new object. */
    private static Optional<ObjectCreationExpr> factoryResult(MethodCallExpr call) {
        List<MethodDeclaration> candidates = SourceFile.ancestor(call, TypeDeclaration.class).stream()
                .flatMap(type -> type.findAll(MethodDeclaration.class).stream())
                .filter(method -> method.getNameAsString().equals(call.getNameAsString())
                        && method.getParameters().size() == call.getArguments().size()).toList();
        if (candidates.size() != 1) {
            return Optional.empty();
        }
        List<ReturnStmt> returns = candidates.get(0).findAll(ReturnStmt.class);
        if (returns.size() != 1) {
            return Optional.empty();
        }
        return returns.get(0).getExpression().flatMap(WorkQueues::direct);
    }
}
