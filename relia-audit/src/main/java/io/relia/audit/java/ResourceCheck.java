package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java/resource-not-closed}: a resource ({@link ResourceOpeners}) opened into a local variable that is never
 * closed, not in try-with-resources, and never handed on (returned, stored, passed to another call), so nothing
 * else can close it either; or opened inline and only read from ({@code new BufferedReader(...).readLine()},
 * {@code keyStore.load(new FileInputStream(path), password)}), where nothing holds it to close it. A local declared
 * first and opened later ({@code client = null; ... client = HttpClientBuilder.create().build();}) counts as opened
 * where it is assigned. A stream handed to a decorator that reads in its constructor (GZIPInputStream,
 * ObjectInputStream) leaks when that constructor throws, unless a catch or finally around it closes the stream.
 */
final class ResourceCheck implements JavaCheck {

    /** Calls that close it, or return a channel or stream whose close() closes it too. */
    private static final Set<String> HANDS_OVER = Set.of("close", "getChannel", "getInputStream",
            "getOutputStream");
    private static final Set<String> CONSUMES = Set.of("consume", "consumeQuietly");
    /** EntityUtils methods that read the entity to its end and close its stream. */
    private static final Set<String> READS_TO_END = Set.of("toString", "toByteArray");
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
            "Files", Set.of("copy"), "ImageIO", Set.of("read"),
            // Nacos's and Dubbo's own IoUtils copy Commons IO's helpers and, like them, leave the stream open.
            "IoUtils", Set.of("toString", "readLines", "copy"));

    @Override
    public void check(SourceFile file) {
        for (VariableDeclarator variable : file.all(VariableDeclarator.class)) {
            if (!(variable.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration)
                    || !(declaration.getParentNode().orElse(null) instanceof ExpressionStmt)) {
                continue;
            }
            Optional<String> opened = variable.getInitializer().flatMap(init -> ResourceOpeners.opens(file, init)
                    .or(() -> ResourceOpeners.response(file, variable.getType(), init)));
            Optional<BlockStmt> scope = SourceFile.ancestor(variable, BlockStmt.class);
            if (opened.isPresent() && scope.isPresent()
                    && neverReleased(file, variable.getNameAsString(), scope.get(), true)) {
                file.report(JavaRules.RESOURCE_NOT_CLOSED, variable, opened.get() + " '" + variable.getNameAsString()
                        + "' is never closed", "open it in try-with-resources: try (var "
                        + variable.getNameAsString() + " = ...) { ... }");
            } else if (opened.isPresent() && scope.isPresent() && !ResourceOpeners.isConnectionStream(opened.get())) {
                leaksWhenWrappingThrows(file, variable, opened.get(), scope.get());
            }
        }
        for (AssignExpr assign : file.all(AssignExpr.class)) {
            assigned(file, assign);
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
        if (scopeOf ? handsOver(call)
                : !readsWithoutClosing(file, call) && !helperKeepsOpen(file, call, (Expression) at)) {
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

    /**
     * True when {@code call} hands {@code argument} to a method of this file that only uses it and neither closes it
     * nor hands it on (hutool's class scanner passed each new JarFile to a scanJar that read its entries and left it
     * open). One level deep: what that method passes the resource to is taken as closing it.
     */
    private static boolean helperKeepsOpen(SourceFile file, MethodCallExpr call, Expression argument) {
        if (call.getScope().filter(scope -> !scope.isThisExpr()).isPresent()) {
            return false;
        }
        int index = call.getArguments().indexOf(argument);
        List<MethodDeclaration> helpers = file.all(MethodDeclaration.class).stream()
                .filter(m -> m.getNameAsString().equals(call.getNameAsString())
                        && m.getParameters().size() == call.getArguments().size()).toList();
        if (index < 0 || helpers.size() != 1 || helpers.get(0).getBody().isEmpty()) {
            return false;
        }
        String parameter = helpers.get(0).getParameter(index).getNameAsString();
        return neverReleased(file, parameter, helpers.get(0).getBody().get(), true, false);
    }

    /**
     * True when {@code call} closes its receiver or returns what closes it. A stream getter taking an argument is a
     * ZipFile's or JarFile's {@code getInputStream(entry)}: closing that entry stream leaves the archive open.
     */
    private static boolean handsOver(MethodCallExpr call) {
        String name = call.getNameAsString();
        return HANDS_OVER.contains(name) && (name.equals("close") || call.getArguments().isEmpty());
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

    /** Reports a resource opened into a local declared earlier, when nothing closes or keeps it. */
    private static void assigned(SourceFile file, AssignExpr assign) {
        if (assign.getOperator() != AssignExpr.Operator.ASSIGN || !(assign.getTarget() instanceof NameExpr target)
                || !(assign.getParentNode().orElse(null) instanceof ExpressionStmt)) {
            return;
        }
        Optional<VariableDeclarator> local = Declaration.of(target).map(Declaration::node)
                .filter(VariableDeclarator.class::isInstance).map(VariableDeclarator.class::cast)
                .filter(v -> v.getParentNode().orElse(null) instanceof VariableDeclarationExpr declaration
                        && declaration.getParentNode().orElse(null) instanceof ExpressionStmt);
        Optional<BlockStmt> scope = local.flatMap(v -> SourceFile.ancestor(v, BlockStmt.class));
        if (scope.isEmpty()) {
            return;
        }
        String name = target.getNameAsString();
        Optional<String> opened = ResourceOpeners.opens(file, assign.getValue())
                .or(() -> ResourceOpeners.response(file, local.get().getType(), assign.getValue()))
                .or(() -> rewrapped(file, assign, local.get(), scope.get()));
        // A bare URLConnection stream read to its end goes back to the keep-alive cache (see inline).
        if (opened.isPresent() && !ResourceOpeners.isConnectionStream(opened.get())
                && neverReleased(file, name, scope.get(), false)) {
            file.report(JavaRules.RESOURCE_NOT_CLOSED, assign, opened.get() + " assigned to '" + name
                    + "' is never closed", "open it in try-with-resources, or close '" + name + "' in a finally block");
        }
    }

    /** For {@code in = new GZIPInputStream(in)}: what the decorator opens, judged by what else {@code in} held. */
    private static Optional<String> rewrapped(SourceFile file, AssignExpr assign, VariableDeclarator local,
                                              BlockStmt scope) {
        if (!(assign.getValue() instanceof ObjectCreationExpr creation) || creation.getArguments().isEmpty()
                || !(creation.getArgument(0) instanceof NameExpr inner)
                || !inner.getNameAsString().equals(local.getNameAsString())) {
            return Optional.empty();
        }
        List<Expression> values = new ArrayList<>(local.getInitializer().stream().toList());
        scope.findAll(AssignExpr.class, other -> other != assign && other.getTarget() instanceof NameExpr written
                && written.getNameAsString().equals(local.getNameAsString())).forEach(a -> values.add(a.getValue()));
        return values.stream().map(value -> ResourceOpeners.opens(file, value)).flatMap(Optional::stream).findFirst()
                .flatMap(held -> ResourceOpeners.over(file, creation, held));
    }

    /**
     * Reports a stream handed to a decorator that reads in its constructor ({@code new GZIPInputStream(raw)}) when no
     * catch or finally around that construction closes it: if the header is bad, the constructor throws and the
     * stream is left open (ZOOKEEPER-4246 is this leak). Reported where the stream is opened, like every other leak.
     */
    private static void leaksWhenWrappingThrows(SourceFile file, VariableDeclarator variable, String opened,
                                                BlockStmt scope) {
        String name = variable.getNameAsString();
        for (NameExpr use : scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            if (use.getParentNode().orElse(null) instanceof ObjectCreationExpr wrapper
                    && wrapper.getArguments().indexOf(use) == 0 && ResourceOpeners.readsOnConstruction(file, wrapper)
                    && !closedWhenThrowing(name, wrapper, scope)) {
                file.report(JavaRules.RESOURCE_NOT_CLOSED, variable, opened + " '" + name + "' leaks when new "
                        + wrapper.getType().getNameAsString() + "(" + name + ") throws: its constructor reads the "
                        + "stream header, and nothing closes '" + name + "' on that path", "close '" + name
                        + "' in a catch before rethrowing, or open both in one try-with-resources: try (var raw = "
                        + "...; var in = new " + wrapper.getType().getNameAsString() + "(raw)) { ... }");
                return;
            }
        }
    }

    /** True when a try around {@code at} (inside {@code scope}) mentions {@code name} in a catch or finally. */
    private static boolean closedWhenThrowing(String name, Node at, BlockStmt scope) {
        for (Node node = at; node != scope && node.getParentNode().isPresent(); node = node.getParentNode().get()) {
            if (node.getParentNode().get() instanceof TryStmt tryStmt && tryStmt.getTryBlock() == node) {
                boolean handled = tryStmt.getCatchClauses().stream().anyMatch(c -> mentions(c.getBody(), name))
                        || tryStmt.getFinallyBlock().filter(f -> mentions(f, name)).isPresent();
                if (handled) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentions(Node node, String name) {
        return !node.findAll(NameExpr.class, n -> n.getNameAsString().equals(name)).isEmpty();
    }

    /**
     * True when no use of {@code name} in {@code scope} closes it or hands it to code that could. Assigning to it
     * hands nothing over; re-wrapping it in place ({@code in = new GZIPInputStream(in)}) does only for what it held
     * before ({@code rewrapHandsOver}): the decorator is then the thing to close, judged where it is assigned.
     */
    private static boolean neverReleased(SourceFile file, String name, BlockStmt scope, boolean rewrapHandsOver) {
        return neverReleased(file, name, scope, rewrapHandsOver, true);
    }

    private static boolean neverReleased(SourceFile file, String name, BlockStmt scope, boolean rewrapHandsOver,
                                         boolean followHelpers) {
        for (NameExpr use : scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            if (writtenTo(use) || !rewrapHandsOver && rewrappedInPlace(use)) {
                continue;
            }
            Node parent = use.getParentNode().orElse(null);
            boolean calledOn = parent instanceof MethodCallExpr call && call.getScope().orElse(null) == use;
            if (calledOn && (handsOver((MethodCallExpr) parent)
                    || entityConsumed((MethodCallExpr) parent, scope))) {
                return false;
            }
            boolean readOnly = parent instanceof MethodCallExpr call && !calledOn && (readsWithoutClosing(file, call)
                    || followHelpers && helperKeepsOpen(file, call, use));
            if (!calledOn && !readOnly && !(parent instanceof BinaryExpr)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code EntityUtils.consume(response.getEntity())}: consuming the entity hands the connection back to the pool,
     * which is what closing the response is for (HttpClient 4 tutorial, 1.1.5).
     */
    private static boolean entityConsumed(MethodCallExpr call, BlockStmt scope) {
        if (!call.getNameAsString().equals("getEntity")) {
            return false;
        }
        Node parent = call.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator entity) {
            // HttpEntity entity = response.getEntity(); ... EntityUtils.consume(entity);
            return scope.findFirst(MethodCallExpr.class, consume -> CONSUMES.contains(consume.getNameAsString())
                    && consume.getArguments().stream().anyMatch(argument -> argument instanceof NameExpr name
                    && name.getNameAsString().equals(entity.getNameAsString()))).isPresent();
        }
        if (!(parent instanceof MethodCallExpr consume) || !consume.getArguments().contains(call)) {
            return false;
        }
        return CONSUMES.contains(consume.getNameAsString())
                || READS_TO_END.contains(consume.getNameAsString()) && !exitsBefore(scope, call, consume);
    }

    /**
     * True when a return or throw in {@code scope} lies between the first use of the response and {@code read}:
     * reading the entity to its end releases the connection (EntityUtils closes the content stream), but only on
     * the paths that get there.
     */
    private static boolean exitsBefore(BlockStmt scope, MethodCallExpr getEntity, Node read) {
        String response = getEntity.getScope().map(Expression::toString).orElse("");
        int first = scope.findAll(NameExpr.class, n -> n.getNameAsString().equals(response)).stream()
                .map(n -> n.getBegin().map(position -> position.line).orElse(0)).min(Integer::compare).orElse(0);
        int line = read.getBegin().map(position -> position.line).orElse(Integer.MAX_VALUE);
        return scope.findFirst(Statement.class, exit -> (exit instanceof ReturnStmt || exit instanceof ThrowStmt)
                && exit.getBegin().map(position -> position.line >= first && position.line < line).orElse(true))
                .isPresent();
    }

    private static boolean writtenTo(NameExpr use) {
        return use.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == use;
    }

    private static boolean rewrappedInPlace(NameExpr use) {
        return use.getParentNode().orElse(null) instanceof ObjectCreationExpr wrapper
                && wrapper.getParentNode().orElse(null) instanceof AssignExpr assign
                && assign.getTarget() instanceof NameExpr target
                && target.getNameAsString().equals(use.getNameAsString());
    }
}
