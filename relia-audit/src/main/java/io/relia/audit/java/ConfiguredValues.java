package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a value comes from the application's configuration, so a collection keyed by it holds at most one entry
 * per configured key or value: it was read from a configuration object by a constant key
 * ({@code (String) options.get(KEY_TOKENS)}, then split and trimmed), or it is itself a configuration key, handed in
 * the same method to a configuration object ({@code configuration.addConfigListener(dataId, this)}). A configuration
 * object is a receiver whose name or declared type says so (config, configuration, options, properties, settings,
 * environment), or {@code System.getProperty}/{@code System.getenv}. A lookup on anything else by a constant key
 * ({@code request.getHeader("X-User")}) is request data, and stays a finding.
 */
final class ConfiguredValues {

    private static final Pattern CONFIGURATION = Pattern.compile(
            "(?i).*config.*|.*options?|.*propert(y|ies)|.*props|.*settings?|.*environment|env|conf");
    private static final Pattern LOOKUP = Pattern.compile("get\\w*|opt\\w*|require\\w*");
    private static final int DEPTH = 6;

    private ConfiguredValues() {
    }

    /**
     * True when {@code value}, added by {@code add}, is read from configuration or is a configuration key (see the
     * class comment). Calls on the collection itself say nothing: its name may well mention configuration.
     */
    static boolean fromConfiguration(Expression value, MethodCallExpr add) {
        return readFromConfiguration(value, 0) || value instanceof NameExpr name && configurationKey(name, add);
    }

    /**
     * Follows casts, calls with constant arguments only ({@code trim()}, {@code split(",")}) and locals back to a
     * lookup.
     */
    private static boolean readFromConfiguration(Expression value, int depth) {
        if (depth > DEPTH) {
            return false;
        }
        if (value instanceof CastExpr cast) {
            return readFromConfiguration(cast.getExpression(), depth + 1);
        }
        if (value instanceof EnclosedExpr enclosed) {
            return readFromConfiguration(enclosed.getInner(), depth + 1);
        }
        if (value instanceof MethodCallExpr call) {
            boolean shaping = call.getArguments().stream().allMatch(ConfiguredValues::constant);
            return lookup(call) || shaping && call.getScope()
                    .filter(scope -> readFromConfiguration(scope, depth + 1)).isPresent();
        }
        if (value instanceof NameExpr name) {
            return Declaration.of(name).filter(declared -> !(declared.node().getParentNode().orElse(null)
                    instanceof FieldDeclaration)).flatMap(declared -> origin(declared.node()))
                    .filter(origin -> readFromConfiguration(origin, depth + 1)).isPresent();
        }
        return false;
    }

    /** The expression a local stands for: its initializer, or the collection a for-each variable walks. */
    private static Optional<Expression> origin(Node declarator) {
        if (!(declarator instanceof VariableDeclarator variable)) {
            return Optional.empty();
        }
        if (variable.getInitializer().isPresent()) {
            return variable.getInitializer();
        }
        return variable.getParentNode().flatMap(Node::getParentNode)
                .filter(ForEachStmt.class::isInstance).map(loop -> ((ForEachStmt) loop).getIterable());
    }

    /** {@code options.get(KEY)}, {@code config.getString("a.b")}, {@code System.getProperty("x")}. */
    private static boolean lookup(MethodCallExpr call) {
        boolean constantKeys = !call.getArguments().isEmpty() && call.getArguments().stream()
                .allMatch(ConfiguredValues::constant);
        return constantKeys && LOOKUP.matcher(call.getNameAsString()).matches()
                && call.getScope().filter(ConfiguredValues::configurationObject).isPresent();
    }

    private static boolean configurationObject(Expression receiver) {
        if (receiver instanceof NameExpr name && name.getNameAsString().equals("System")) {
            return true;
        }
        String named = receiver instanceof NameExpr name ? name.getNameAsString()
                : receiver instanceof FieldAccessExpr access ? access.getNameAsString() : "";
        if (CONFIGURATION.matcher(named).matches()) {
            return true;
        }
        // The type's own name, without type arguments: a Map<String, ConfigListener> is no configuration.
        return receiver instanceof NameExpr name && Declaration.of(name).map(Declaration::type)
                .filter(type -> type instanceof ClassOrInterfaceType written
                        && CONFIGURATION.matcher(written.getNameAsString()).matches()).isPresent();
    }

    private static boolean constant(Expression argument) {
        if (argument instanceof LiteralExpr) {
            return true;
        }
        if (argument instanceof FieldAccessExpr access) {
            return access.getNameAsString().chars().noneMatch(Character::isLowerCase);
        }
        return argument instanceof NameExpr name && Declaration.of(name).map(Declaration::node)
                .flatMap(Node::getParentNode).filter(parent -> parent instanceof FieldDeclaration field
                        && field.isStatic() && field.isFinal()).isPresent();
    }

    /** The name is passed, in the same method or lambda, to a configuration object's method. */
    private static boolean configurationKey(NameExpr name, MethodCallExpr add) {
        Optional<Node> body = SourceFile.ancestor(name, LambdaExpr.class).map(Node.class::cast)
                .or(() -> SourceFile.ancestor(name, CallableDeclaration.class));
        String collection = add.getScope().map(Expression::toString).orElse("");
        return body.filter(scope -> scope.findFirst(MethodCallExpr.class, call -> call.getScope()
                .filter(receiver -> !receiver.toString().equals(collection))
                .filter(ConfiguredValues::configurationObject).isPresent() && call.getArguments().stream()
                .anyMatch(argument -> argument instanceof NameExpr passed
                        && passed.getNameAsString().equals(name.getNameAsString()))).isPresent()).isPresent();
    }
}
