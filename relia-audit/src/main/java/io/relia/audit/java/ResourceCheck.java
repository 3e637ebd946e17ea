package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java/resource-not-closed}: a resource ({@link ResourceOpeners}) opened into a local variable that is never
 * closed, not in try-with-resources, and never handed on (returned, stored, passed to another call), so nothing
 * else can close it either; or opened inline and only read from ({@code new BufferedReader(...).readLine()},
 * {@code keyStore.load(new FileInputStream(path), password)}), where nothing holds it to close it.
 */
final class ResourceCheck implements JavaCheck {

    /** Calls that close it, or return a channel or stream whose close() closes it too. */
    private static final Set<String> HANDS_OVER = Set.of("close", "getChannel", "getInputStream",
            "getOutputStream");
    /** Instance methods that read a stream they are given and leave it open (JDK Javadoc: "remains open"). */
    private static final Map<String, Set<String>> READS_ON = Map.of("KeyStore", Set.of("load"),
            "Properties", Set.of("load", "loadFromXML"), "CertificateFactory",
            Set.of("generateCertificate", "generateCertificates", "generateCRL", "generateCRLs"));
    /**
     * Static helpers that read or copy a stream and leave it open: Commons IO IOUtils, Guava ByteStreams/CharStreams,
     * Spring StreamUtils (whose Javadoc says it "leaves the stream open", unlike FileCopyUtils), Files.copy, ImageIO.
     */
    private static final Map<String, Set<String>> READS_STATIC = Map.of(
            "IOUtils", Set.of("toString", "toByteArray", "copy", "copyLarge", "readLines", "contentEquals"),
            "ByteStreams", Set.of("toByteArray", "copy", "readFully", "exhaust"),
            "CharStreams", Set.of("toString", "readLines", "copy"),
            "StreamUtils", Set.of("copyToString", "copyToByteArray", "copy", "drain"),
            "Files", Set.of("copy"), "ImageIO", Set.of("read"));

    @Override
    public void check(SourceFile file) {
        for (VariableDeclarator variable : file.all(VariableDeclarator.class)) {
            if (!(variable.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration)
                    || !(declaration.getParentNode().orElse(null) instanceof ExpressionStmt)) {
                continue;
            }
            Optional<String> opened = variable.getInitializer().flatMap(init -> ResourceOpeners.opens(file, init));
            Optional<BlockStmt> scope = SourceFile.ancestor(variable, BlockStmt.class);
            if (opened.isPresent() && scope.isPresent()
                    && neverReleased(file, variable.getNameAsString(), scope.get())) {
                file.report(JavaRules.RESOURCE_NOT_CLOSED, variable, opened.get() + " '" + variable.getNameAsString()
                        + "' is never closed", "open it in try-with-resources: try (var "
                        + variable.getNameAsString() + " = ...) { ... }");
            }
        }
        for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
            inline(file, creation);
        }
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            inline(file, call);
        }
    }

    /** Reports {@code opener} when it opens a resource that is only read from where it stands. */
    private static void inline(SourceFile file, Expression opener) {
        Node at = opener;
        while (at.getParentNode().orElse(null) instanceof EnclosedExpr enclosed) {
            at = enclosed;
        }
        Node parent = at.getParentNode().orElse(null);
        if (!(parent instanceof MethodCallExpr call)) {
            return;
        }
        boolean scopeOf = call.getScope().orElse(null) == at;
        if (scopeOf ? HANDS_OVER.contains(call.getNameAsString()) : !readsWithoutClosing(file, call)) {
            return;
        }
        Optional<String> opened = ResourceOpeners.opens(file, opener);
        // A URLConnection stream read to its end goes back to the keep-alive cache: judged only once wrapped or kept.
        if (opened.isPresent() && !ResourceOpeners.isConnectionStream(opened.get())) {
            String how = scopeOf ? "used by ." + call.getNameAsString() + "(...)" : "passed to "
                    + call.getNameAsString() + "(...), which does not close it";
            file.report(JavaRules.RESOURCE_NOT_CLOSED, opener, opened.get() + " opened inline, " + how
                    + ", and never closed", "open it in try-with-resources and use the variable: try (var in = "
                    + "...) { ... }");
        }
    }

    /** True when {@code call} reads the streams it is given and leaves them open (see the tables above). */
    private static boolean readsWithoutClosing(SourceFile file, MethodCallExpr call) {
        String method = call.getNameAsString();
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return false;
        }
        if (scope.get() instanceof NameExpr owner && Character.isUpperCase(owner.getNameAsString().charAt(0))
                && Declaration.of(owner).isEmpty()) {
            return READS_STATIC.getOrDefault(owner.getNameAsString(), Set.of()).contains(method);
        }
        return file.typeOf(scope.get()).map(type -> type.substring(Math.max(type.lastIndexOf('.'),
                type.lastIndexOf('?')) + 1)).map(type -> READS_ON.getOrDefault(type, Set.of()).contains(method))
                .orElse(false);
    }

    /** True when no use of {@code name} in {@code scope} closes it or hands it to code that could. */
    private static boolean neverReleased(SourceFile file, String name, BlockStmt scope) {
        for (NameExpr use : scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            Node parent = use.getParentNode().orElse(null);
            boolean calledOn = parent instanceof MethodCallExpr call && call.getScope().orElse(null) == use;
            if (calledOn && HANDS_OVER.contains(((MethodCallExpr) parent).getNameAsString())) {
                return false;
            }
            boolean readOnly = parent instanceof MethodCallExpr call && !calledOn && readsWithoutClosing(file, call);
            if (!calledOn && !readOnly && !(parent instanceof BinaryExpr)) {
                return false;
            }
        }
        return true;
    }
}
