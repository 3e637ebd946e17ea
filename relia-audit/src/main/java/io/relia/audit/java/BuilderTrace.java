package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a builder (or a configurable object) from where it is created through its call chain, the local variable
 * or field it is stored in, and helper methods of the same file it is passed to, collecting the methods called on
 * it. A builder handed to code outside the file is "escaped": nobody can tell what that code sets.
 */
final class BuilderTrace {

    /** What happened to the builder. */
    enum Outcome {
        /** One of the setting methods was called on it. */
        SET,
        /** It was finished without any setting method. */
        FINISHED_UNSET,
        /** Not finished here, or handed to code this file does not show. */
        UNKNOWN
    }

    private final SourceFile file;
    private final Set<String> settings;
    private final Set<String> finishers;
    private final Set<String> called = new HashSet<>();
    private final Set<String> followed = new HashSet<>();
    private boolean escaped;
    private boolean setByHelper;

    private BuilderTrace(SourceFile file, Set<String> settings, Set<String> finishers) {
        this.file = file;
        this.settings = settings;
        this.finishers = finishers;
    }

    /** Traces the object created by {@code origin}. */
    static Outcome of(SourceFile file, Expression origin, Set<String> settings, Set<String> finishers) {
        BuilderTrace trace = new BuilderTrace(file, settings, finishers);
        trace.follow(origin, 0);
        if (trace.setByHelper || trace.called.stream().anyMatch(settings::contains)) {
            return Outcome.SET;
        }
        if (trace.escaped || trace.called.stream().noneMatch(finishers::contains)) {
            return Outcome.UNKNOWN;
        }
        return Outcome.FINISHED_UNSET;
    }

    private void follow(Expression start, int depth) {
        if (depth > 4) {
            escaped = true;
            return;
        }
        Expression top = start;
        boolean finished = false;
        while (true) {
            Node up = top.getParentNode().orElse(null);
            if (up instanceof CastExpr || up instanceof EnclosedExpr) {
                top = (Expression) up;
            } else if (up instanceof MethodCallExpr call && call.getScope().orElse(null) == top) {
                called.add(call.getNameAsString());
                finished |= finishers.contains(call.getNameAsString());
                top = call;
            } else {
                break;
            }
        }
        if (finished) {
            return;
        }
        Node parent = top.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator variable) {
            followVariable(variable.getNameAsString(), variable, depth);
        } else if (parent instanceof AssignExpr assign && assign.getValue() == top
                && assign.getTarget() instanceof NameExpr target) {
            followVariable(target.getNameAsString(), assign, depth);
        } else if (parent instanceof MethodCallExpr call && call.getArguments().contains(top)) {
            passedTo(call);
        } else if (!(parent instanceof ExpressionStmt)) {
            escaped = true;
        }
    }

    private void followVariable(String name, Node declaration, int depth) {
        if (!followed.add(name)) {
            return;
        }
        Node scope = SourceFile.ancestor(declaration, BlockStmt.class).map(Node.class::cast)
                .or(() -> SourceFile.ancestor(declaration, TypeDeclaration.class)).orElse(null);
        if (scope == null) {
            escaped = true;
            return;
        }
        for (NameExpr use : scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof AssignExpr assign && assign.getTarget() == use) {
                continue;
            }
            follow(use, depth + 1);
        }
    }

    private void passedTo(MethodCallExpr call) {
        if (call.getScope().isPresent() && !call.getScope().get().isThisExpr()) {
            escaped = true;
            return;
        }
        Optional<MethodDeclaration> helper = file.unit().findFirst(MethodDeclaration.class,
                m -> m.getNameAsString().equals(call.getNameAsString())
                        && m.getParameters().size() == call.getArguments().size());
        if (helper.isEmpty()) {
            escaped = true;
        } else if (helper.get().findFirst(MethodCallExpr.class, c -> settings.contains(c.getNameAsString()))
                .isPresent()) {
            setByHelper = true;
        }
    }
}
