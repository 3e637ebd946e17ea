package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.Location;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TLS certificate or host name verification switched off in client code: a trust-all X509TrustManager, a
 * HostnameVerifier that returns true, and the libraries' ready-made versions of both. Noted per file and reported
 * for main code only, since tests routinely trust a test server's self-signed certificate.
 */
final class TlsVerificationCheck implements ProjectCheck {

    private static final String PREFIX = "tls.";
    private static final String TRUST_ALL_MANAGER = PREFIX + "trust-all-manager";
    private static final String ANY_HOSTNAME = PREFIX + "any-hostname";
    private static final String LIBRARY = PREFIX + "library:";
    private static final String PROPERTY = PREFIX + "property";

    private static final Set<String> TRUST_MANAGERS = Set.of("X509TrustManager", "X509ExtendedTrustManager");
    /** Ready-made switches, by the class that offers them: what each turns off. */
    private static final Map<String, String> INSECURE_CLASSES = Map.of(
            "NoopHostnameVerifier", "accepts any host name (Apache HttpClient NoopHostnameVerifier)",
            "AllowAllHostnameVerifier", "accepts any host name (Apache HttpClient AllowAllHostnameVerifier)",
            "InsecureTrustManagerFactory", "trusts any certificate (Netty InsecureTrustManagerFactory)",
            "TrustAllStrategy", "trusts any certificate (Apache HttpClient TrustAllStrategy)",
            "TrustSelfSignedStrategy", "trusts any self-signed certificate, which anyone can make (Apache "
                    + "HttpClient TrustSelfSignedStrategy)");
    private static final Set<String> HOSTNAME_SETTERS = Set.of("setHostnameVerifier", "hostnameVerifier",
            "setDefaultHostnameVerifier", "setSSLHostnameVerifier");
    private static final Set<String> LOG_CALLS = Set.of("trace", "debug", "info", "warn", "warning", "error", "fine",
            "finer", "finest", "log", "println", "print", "printf");

    @Override
    public void check(SourceFile file) {
        for (ClassOrInterfaceDeclaration type : file.all(ClassOrInterfaceDeclaration.class)) {
            members(file, type.getMembers(), names(type.getImplementedTypes()) || names(type.getExtendedTypes()),
                    implementsNamed(type.getImplementedTypes(), "HostnameVerifier"));
        }
        for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
            String type = creation.getType().getNameAsString();
            creation.getAnonymousClassBody().ifPresent(body -> members(file, body, TRUST_MANAGERS.contains(type),
                    type.equals("HostnameVerifier")));
            if (INSECURE_CLASSES.containsKey(type) && creation.getAnonymousClassBody().isEmpty()) {
                file.fact(LIBRARY + type, creation);
            }
        }
        for (FieldAccessExpr access : file.all(FieldAccessExpr.class)) {
            String owner = access.getScope().toString();
            String simple = owner.substring(owner.lastIndexOf('.') + 1);
            if (access.getNameAsString().equals("INSTANCE") && INSECURE_CLASSES.containsKey(simple)) {
                file.fact(LIBRARY + simple, access);
            } else if (access.getNameAsString().equals("ALLOW_ALL_HOSTNAME_VERIFIER")) {
                file.fact(LIBRARY + "AllowAllHostnameVerifier", access);
            }
        }
        for (LambdaExpr lambda : file.all(LambdaExpr.class)) {
            if (returnsTrue(lambda) && lambda.getParameters().size() == 2 && acceptsAnything(lambda)) {
                file.fact(ANY_HOSTNAME, lambda);
            }
        }
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            if (call.getNameAsString().equals("setProperty") && call.getArguments().size() == 2
                    && call.getArgument(0) instanceof StringLiteralExpr key
                    && key.getValue().equals("jdk.internal.httpclient.disableHostnameVerification")
                    && !(call.getArgument(1) instanceof StringLiteralExpr value && value.getValue().equals("false"))) {
                file.fact(PROPERTY, call);
            }
        }
    }

    /** checkServerTrusted that checks nothing, and verify that returns true, among a type's members. */
    private static void members(SourceFile file, NodeList<BodyDeclaration<?>> members, boolean trustManager,
                                boolean hostnameVerifier) {
        for (BodyDeclaration<?> member : members) {
            if (!(member instanceof MethodDeclaration method) || method.getBody().isEmpty()) {
                continue;
            }
            if (trustManager && method.getNameAsString().equals("checkServerTrusted")
                    && checksNothing(method.getBody().get())) {
                file.fact(TRUST_ALL_MANAGER, method.getName());
            } else if (hostnameVerifier && method.getNameAsString().equals("verify")
                    && method.getParameters().size() == 2 && onlyReturnsTrue(method.getBody().get())) {
                file.fact(ANY_HOSTNAME, method.getName());
            }
        }
    }

    /** No throw and no call but logging (and what is logged): whatever the chain, the method returns normally. */
    private static boolean checksNothing(BlockStmt body) {
        if (!body.findAll(ThrowStmt.class).isEmpty()) {
            return false;
        }
        return body.findAll(MethodCallExpr.class).stream().allMatch(TlsVerificationCheck::logging);
    }

    /** A logging call, or a call made to build a log message. */
    private static boolean logging(MethodCallExpr call) {
        Node current = call;
        while (current instanceof Expression) {
            if (current instanceof MethodCallExpr enclosing && LOG_CALLS.contains(enclosing.getNameAsString())) {
                return true;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    private static boolean onlyReturnsTrue(BlockStmt body) {
        List<Statement> statements = body.getStatements();
        return statements.size() == 1 && statements.getFirst() instanceof ReturnStmt returned
                && returned.getExpression().filter(TlsVerificationCheck::isTrue).isPresent();
    }

    private static boolean returnsTrue(LambdaExpr lambda) {
        Statement body = lambda.getBody();
        if (body instanceof ExpressionStmt expression) {
            return isTrue(expression.getExpression());
        }
        return body instanceof BlockStmt block && onlyReturnsTrue(block);
    }

    /**
     * A two-argument lambda returning true where a host name verifier or a trust strategy is expected: passed to a
     * hostnameVerifier setter or to loadTrustMaterial, or kept in a HostnameVerifier or TrustStrategy variable.
     */
    private static boolean acceptsAnything(LambdaExpr lambda) {
        Optional<Node> parent = lambda.getParentNode();
        if (parent.isPresent() && parent.get() instanceof MethodCallExpr call) {
            return HOSTNAME_SETTERS.contains(call.getNameAsString())
                    || call.getNameAsString().equals("loadTrustMaterial");
        }
        if (parent.isPresent() && parent.get() instanceof VariableDeclarator variable) {
            String type = variable.getType().asString();
            return type.endsWith("HostnameVerifier") || type.endsWith("TrustStrategy");
        }
        return false;
    }

    private static boolean isTrue(Expression expression) {
        return expression instanceof BooleanLiteralExpr literal && literal.getValue();
    }

    private static boolean names(NodeList<ClassOrInterfaceType> types) {
        return types.stream().anyMatch(type -> TRUST_MANAGERS.contains(type.getNameAsString()));
    }

    private static boolean implementsNamed(NodeList<ClassOrInterfaceType> types, String name) {
        return types.stream().anyMatch(type -> type.getNameAsString().equals(name));
    }

    @Override
    public void finish(AuditContext context, ProjectFacts facts) {
        if (!context.enabled(JavaRules.TLS_VERIFICATION_DISABLED.id())) {
            return;
        }
        for (String key : facts.keysStartingWith(PREFIX)) {
            String what = switch (key) {
                case TRUST_ALL_MANAGER -> "an X509TrustManager whose checkServerTrusted accepts every certificate";
                case ANY_HOSTNAME -> "a HostnameVerifier that accepts every host name";
                case PROPERTY -> "jdk.internal.httpclient.disableHostnameVerification turns off host name checks "
                        + "for every java.net.http client of the JVM";
                default -> "a component that " + INSECURE_CLASSES.getOrDefault(key.substring(LIBRARY.length()),
                        "turns verification off");
            };
            for (Location place : facts.inMainCode(context.root(), key)) {
                context.report(new Finding(JavaRules.TLS_VERIFICATION_DISABLED.id(),
                        JavaRules.TLS_VERIFICATION_DISABLED.severity(), "TLS verification is disabled: " + what
                        + "; anyone on the network path can impersonate the server", place,
                        "remove it and trust the server's CA instead: add its certificate to a trust store "
                                + "(javax.net.ssl.trustStore, SSLContext with a KeyStore-backed TrustManagerFactory)"));
            }
        }
    }
}
