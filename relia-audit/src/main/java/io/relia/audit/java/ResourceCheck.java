package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;

import java.util.Optional;
import java.util.Set;

/**
 * {@code java/resource-not-closed}: a file, socket or JDBC resource opened into a local variable that is never
 * closed, not in try-with-resources, and never handed on (returned, stored, passed to another call), so nothing
 * else can close it either.
 */
final class ResourceCheck implements JavaCheck {

    private static final Set<String> RESOURCES = Set.of("java.io.FileInputStream", "java.io.FileOutputStream",
            "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile", "java.net.Socket",
            "java.net.ServerSocket", "java.util.zip.ZipFile", "java.util.jar.JarFile");
    private static final Set<String> JDBC_TYPES = Set.of("java.sql.Connection", "java.sql.Statement",
            "java.sql.PreparedStatement", "java.sql.CallableStatement");
    /** Not executeQuery: closing the statement closes its result set, and statements are checked themselves. */
    private static final Set<String> JDBC_OPENERS = Set.of("prepareStatement", "createStatement", "prepareCall");

    /** Calls that close it, or return a channel or stream whose close() closes it too. */
    private static final Set<String> HANDS_OVER = Set.of("close", "getChannel", "getInputStream",
            "getOutputStream");

    @Override
    public void check(SourceFile file) {
        for (VariableDeclarator variable : file.all(VariableDeclarator.class)) {
            if (!(variable.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration)
                    || !(declaration.getParentNode().orElse(null) instanceof ExpressionStmt)) {
                continue;
            }
            Optional<String> opened = variable.getInitializer().flatMap(init -> opens(file, init));
            Optional<BlockStmt> scope = SourceFile.ancestor(variable, BlockStmt.class);
            if (opened.isPresent() && scope.isPresent() && neverReleased(variable.getNameAsString(), scope.get())) {
                file.report(JavaRules.RESOURCE_NOT_CLOSED, variable, opened.get() + " '" + variable.getNameAsString()
                        + "' is never closed", "open it in try-with-resources: try (var "
                        + variable.getNameAsString() + " = ...) { ... }");
            }
        }
    }

    private static Optional<String> opens(SourceFile file, Expression init) {
        if (init instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()) {
            String type = file.resolve(creation.getType());
            return RESOURCES.contains(type) ? Optional.of(creation.getType().getNameAsString()) : Optional.empty();
        }
        if (init instanceof MethodCallExpr call && call.getScope().isPresent()) {
            if (call.getNameAsString().equals("getConnection") && file.isClass(call.getScope(),
                    "java.sql.DriverManager")) {
                return Optional.of("JDBC connection");
            }
            if (JDBC_OPENERS.contains(call.getNameAsString()) && file.typeOf(call.getScope().get())
                    .filter(JDBC_TYPES::contains).isPresent()) {
                return Optional.of("JDBC statement");
            }
        }
        return Optional.empty();
    }

    /** True when no use of {@code name} in {@code scope} closes it or hands it to code that could. */
    private static boolean neverReleased(String name, BlockStmt scope) {
        for (NameExpr use : scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            Node parent = use.getParentNode().orElse(null);
            boolean calledOn = parent instanceof MethodCallExpr call && call.getScope().orElse(null) == use;
            if (calledOn && HANDS_OVER.contains(((MethodCallExpr) parent).getNameAsString())) {
                return false;
            }
            if (!calledOn && !(parent instanceof BinaryExpr)) {
                return false;
            }
        }
        return true;
    }
}
