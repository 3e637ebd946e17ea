package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Follows a configurable client value (a gRPC stub, a Reactor Netty client) that has no {@code build()} step: through
 * its call chains, the local variable or field holding it, and helpers of the same file, until it is used. Unlike
 * {@link BuilderTrace} it tells "used" apart by a predicate on method names, and treats handing the value to a
 * known wrapper's constructor as a use rather than an escape.
 */
final class ValueTrace {

    /** What happened to the value. */
    enum Outcome {
        /** A setting method was called on it, here or in a helper it was passed to. */
        SET,
        /** Used without any setting method, and never handed to code this file does not show. */
        USED_UNSET,
        /** Not used here, or handed out of the file. */
        UNKNOWN
    }

    private final SourceFile file;
    private final Set<String> settings;
    private final Predicate<String> use;
    private final Predicate<ObjectCreationExpr> wrapper;
    private final Set<String> followed = new HashSet<>();
    private boolean set;
    private boolean used;
    private boolean escaped;

    private ValueTrace(SourceFile file, Set<String> settings, Predicate<String> use,
                       Predicate<ObjectCreationExpr> wrapper) {
        this.file = file;
        this.settings = settings;
        this.use = use;
        this.wrapper = wrapper;
    }

    /**
     * Traces the value created by {@code origin}.
     *
     * @param use     true for a method name that uses the value (an RPC, a request), ending the chain
     * @param wrapper true for a constructor call that takes the value over as it is
     */
    static Outcome of(SourceFile file, Expression origin, Set<String> settings, Predicate<String> use,
                      Predicate<ObjectCreationExpr> wrapper) {
        ValueTrace trace = new ValueTrace(file, settings, use, wrapper);
        trace.follow(origin, 0);
        if (trace.set) {
            return Outcome.SET;
        }
        return trace.used && !trace.escaped ? Outcome.USED_UNSET : Outcome.UNKNOWN;
    }

    private void follow(Expression start, int depth) {
        if (depth > 4) {
            escaped = true;
            return;
        }
        Expression top = start;
        while (true) {
            Node up = top.getParentNode().orElse(null);
            if (up instanceof CastExpr || up instanceof EnclosedExpr) {
                top = (Expression) up;
            } else if (up instanceof MethodCallExpr call && call.getScope().orElse(null) == top) {
                String name = call.getNameAsString();
                if (settings.contains(name)) {
                    set = true;
                    return;
                }
                if (use.test(name)) {
                    used = true;
                    return;
                }
                top = call;
            } else {
                break;
            }
        }
        Node parent = top.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator variable) {
            followVariable(variable.getNameAsString(), variable.getParentNode().orElse(variable), depth);
        } else if (parent instanceof AssignExpr assign && assign.getValue() == top) {
            assigned(assign, depth);
        } else if (parent instanceof MethodCallExpr call && call.getArguments().contains(top)) {
            passedTo(call);
        } else if (parent instanceof ObjectCreationExpr creation && creation.getArguments().contains(top)
                && wrapper.test(creation)) {
            used = true;
        } else if (!(parent instanceof ExpressionStmt)) {
            escaped = true;
        }
    }

    private void assigned(AssignExpr assign, int depth) {
        Expression target = assign.getTarget();
        if (target instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
            followVariable(access.getNameAsString(), Declaration.field(assign, access.getNameAsString())
                    .map(Declaration::node).map(node -> node.getParentNode().orElse(node)).orElse(assign), depth);
        } else if (target instanceof NameExpr name) {
            followVariable(name.getNameAsString(), Declaration.of(name).map(Declaration::node)
                    .map(node -> node.getParentNode().orElse(node)).orElse(assign), depth);
        } else {
            escaped = true;
        }
    }

    /** @param declaration the field or local declaration, or the assignment when the declaration is not seen */
    private void followVariable(String name, Node declaration, int depth) {
        if (!followed.add(name)) {
            return;
        }
        Optional<Node> scope = declaration instanceof FieldDeclaration
                ? SourceFile.ancestor(declaration, TypeDeclaration.class).map(Node.class::cast)
                : SourceFile.ancestor(declaration, BlockStmt.class).map(Node.class::cast);
        if (scope.isEmpty()) {
            escaped = true;
            return;
        }
        for (NameExpr use : scope.get().findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            if (!isAssignedTo(use)) {
                follow(use, depth + 1);
            }
        }
        if (declaration instanceof FieldDeclaration) {
            for (FieldAccessExpr use : scope.get().findAll(FieldAccessExpr.class,
                    f -> f.getScope().isThisExpr() && f.getNameAsString().equals(name))) {
                if (!isAssignedTo(use)) {
                    follow(use, depth + 1);
                }
            }
        }
    }

    private static boolean isAssignedTo(Expression use) {
        return use.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == use;
    }

    private void passedTo(MethodCallExpr call) {
        if (call.getScope().isPresent() && !call.getScope().get().isThisExpr()) {
            escaped = true;
            return;
        }
        Optional<MethodDeclaration> helper = file.unit().findFirst(MethodDeclaration.class,
                m -> m.getNameAsString().equals(call.getNameAsString())
                        && m.getParameters().size() == call.getArguments().size());
        if (helper.isPresent() && helper.get().findFirst(MethodCallExpr.class,
                c -> settings.contains(c.getNameAsString())).isPresent()) {
            set = true;
        } else {
            escaped = true;
        }
    }
}
