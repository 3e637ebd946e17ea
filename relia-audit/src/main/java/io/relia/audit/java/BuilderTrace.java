package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    /** Where the object was handed to code this file does not show, when that hand-over can be placed. */
    private final List<Node> handedOver = new ArrayList<>();
    /** Where a finishing method was called on it. */
    private final List<Node> finishedAt = new ArrayList<>();
    private boolean setByHelper;
    private boolean followReturns;
    private boolean settingTooLateAfterFinish;

    private BuilderTrace(SourceFile file, Set<String> settings, Set<String> finishers) {
        this.file = file;
        this.settings = settings;
        this.finishers = finishers;
    }

    /** What happened to the object, and the methods seen called on it. */
    record Traced(Outcome outcome, Set<String> called) {
        Traced {
            called = Set.copyOf(called);
        }
    }

    /** Traces the object created by {@code origin}. */
    static Outcome of(SourceFile file, Expression origin, Set<String> settings, Set<String> finishers) {
        return trace(file, origin, settings, finishers, false).outcome();
    }

    /**
     * Traces the object created by {@code origin}; with {@code followReturns}, an object returned by a method is
     * followed into that method's callers in this file (a {@code connect()} helper that returns the socket it opened).
     */
    static Traced trace(SourceFile file, Expression origin, Set<String> settings, Set<String> finishers,
                        boolean followReturns) {
        BuilderTrace trace = new BuilderTrace(file, settings, finishers);
        trace.followReturns = followReturns;
        trace.follow(origin, 0);
        return new Traced(trace.outcome(), trace.called);
    }

    /**
     * Like {@link #trace}, for a setting that has no effect once a finishing method ran (a URLConnection's connect
     * timeout after it connected): handing the object on after it was finished, in the same method, cannot set it
     * in time, so only earlier hand-overs make the outcome unknown. usgs/pdl passed its connected HttpURLConnection
     * to a response wrapper, and the wrapper hid the missing connect timeout.
     */
    static Traced traceUntilFinished(SourceFile file, Expression origin, Set<String> settings, Set<String> finishers) {
        BuilderTrace trace = new BuilderTrace(file, settings, finishers);
        trace.followReturns = true;
        trace.settingTooLateAfterFinish = true;
        trace.follow(origin, 0);
        return new Traced(trace.outcome(), trace.called);
    }

    private Outcome outcome() {
        if (setByHelper || called.stream().anyMatch(settings::contains)) {
            return Outcome.SET;
        }
        boolean handedOverInTime = settingTooLateAfterFinish
                ? handedOver.stream().anyMatch(node -> !afterFinish(node)) : !handedOver.isEmpty();
        if (escaped || handedOverInTime || called.stream().noneMatch(finishers::contains)) {
            return Outcome.UNKNOWN;
        }
        return Outcome.FINISHED_UNSET;
    }

    /** True when a finishing call precedes {@code node} in the same method or lambda. */
    private boolean afterFinish(Node node) {
        Optional<Node> owner = owner(node);
        int line = node.getBegin().map(position -> position.line).orElse(0);
        return owner.isPresent() && finishedAt.stream().anyMatch(finish -> owner(finish).equals(owner)
                && finish.getEnd().map(position -> position.line < line).orElse(false));
    }

    private static Optional<Node> owner(Node node) {
        Node current = node.getParentNode().orElse(null);
        while (current != null && !(current instanceof CallableDeclaration || current instanceof LambdaExpr)) {
            current = current.getParentNode().orElse(null);
        }
        return Optional.ofNullable(current);
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
                if (finishers.contains(call.getNameAsString())) {
                    finished = true;
                    finishedAt.add(call);
                }
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
        } else if (followReturns && parent instanceof ReturnStmt returned) {
            returnedTo(returned, depth);
        } else if (!(parent instanceof ExpressionStmt)) {
            handedOver.add(top);
        }
    }

    private void followVariable(String name, Node declaration, int depth) {
        if (!followed.add(name + "@" + System.identityHashCode(declaration))) {
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
            // Another variable of the same name declared in a nested block (or loop) of this scope.
            if (declaration instanceof VariableDeclarator && Declaration.of(use).map(Declaration::node)
                    .filter(declared -> declared instanceof VariableDeclarator && declared != declaration)
                    .isPresent()) {
                continue;
            }
            follow(use, depth + 1);
        }
    }

    /** Follows a returned object into the calls of its method made in this file; escaped when there are none. */
    private void returnedTo(ReturnStmt returned, int depth) {
        Node enclosing = returned.getParentNode().orElse(null);
        while (enclosing != null && !(enclosing instanceof LambdaExpr || enclosing instanceof MethodDeclaration
                || enclosing instanceof ObjectCreationExpr)) {
            enclosing = enclosing.getParentNode().orElse(null);
        }
        Optional<MethodDeclaration> method = Optional.ofNullable(enclosing).filter(MethodDeclaration.class::isInstance)
                .map(MethodDeclaration.class::cast)
                // A method of an anonymous class is called by the class it extends, not by this file.
                .filter(m -> !(m.getParentNode().orElse(null) instanceof ObjectCreationExpr));
        List<MethodCallExpr> callers = method.map(m -> file.all(MethodCallExpr.class).stream()
                .filter(c -> c.getNameAsString().equals(m.getNameAsString())
                        && c.getArguments().size() == m.getParameters().size()
                        && c.getScope().map(Expression::isThisExpr).orElse(true)
                        && !c.isDescendantOf(m)).toList()).orElse(List.of());
        if (callers.isEmpty()) {
            escaped = true;
        }
        callers.forEach(caller -> follow(caller, depth + 1));
    }

    private void passedTo(MethodCallExpr call) {
        if (call.getScope().isPresent() && !call.getScope().get().isThisExpr()) {
            handedOver.add(call);
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
