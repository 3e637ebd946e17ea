package io.relia.audit.java;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.relia.audit.AuditContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Circuit breakers and the code that calls other services, noted per file for {@link DependencyGuards}, which
 * matches them to the critical dependencies of relia.yaml once every file is read. Noted: Resilience4j
 * ({@code @CircuitBreaker}, {@code CircuitBreaker.of}, registries), Spring Cloud CircuitBreaker factories, Failsafe
 * breakers, Hystrix commands, MicroProfile Fault Tolerance {@code @CircuitBreaker}, Feign clients, classes that make
 * outbound calls, and hosts in URL literals.
 */
final class CircuitBreakerCheck implements ProjectCheck {

    static final String BREAKER = "cb.breaker|";
    static final String CLIENT = "cb.client|";
    static final String FEIGN = "cb.feign|";
    static final String HOST = "cb.host|";

    /** A URL (or gRPC target) literal: its host. */
    static final Pattern URL = Pattern.compile(
            "^(?:https?|grpcs?|dns|lb|wss?)://(?:[^@/]*@)?([A-Za-z0-9][A-Za-z0-9.-]*)");
    /** A {@code host:port} address, as gRPC targets and many env variables write it. */
    static final Pattern TARGET = Pattern.compile("^([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)*):\\d+$");

    @Override
    public void check(SourceFile file) {
        List<String> imports = new ArrayList<>();
        for (ImportDeclaration declaration : file.unit().getImports()) {
            imports.add(declaration.getNameAsString() + (declaration.isAsterisk() ? "." : ""));
        }
        boolean resilience4j = imports(imports, "io.github.resilience4j.circuitbreaker");
        boolean failsafe = imports(imports, "dev.failsafe") || imports(imports, "net.jodah.failsafe");
        boolean springCloud = imports(imports, "org.springframework.cloud.client.circuitbreaker");
        boolean hystrix = imports(imports, "com.netflix.hystrix");
        boolean microProfile = imports(imports, "org.eclipse.microprofile.faulttolerance");
        List<AnnotationExpr> annotations = new ArrayList<>(file.all(NormalAnnotationExpr.class));
        annotations.addAll(file.all(SingleMemberAnnotationExpr.class));
        annotations.addAll(file.all(MarkerAnnotationExpr.class));
        for (AnnotationExpr annotation : annotations) {
            String written = annotation.getNameAsString();
            String simple = written.substring(written.lastIndexOf('.') + 1);
            if (simple.equals("CircuitBreaker") && (microProfile || written.startsWith("org.eclipse"))) {
                breaker(file, "MicroProfile @CircuitBreaker", "", annotation);
            } else if (simple.equals("CircuitBreaker") && (resilience4j || written.startsWith("io.github"))) {
                breaker(file, "Resilience4j @CircuitBreaker", attribute(annotation, "name").orElse(""), annotation);
            } else if (simple.equals("HystrixCommand") && hystrix) {
                breaker(file, "Hystrix @HystrixCommand", attribute(annotation, "commandKey")
                        .or(() -> attribute(annotation, "groupKey")).orElseGet(() -> SourceFile.ancestor(annotation,
                                MethodDeclaration.class).map(MethodDeclaration::getNameAsString).orElse("")),
                        annotation);
            } else if (simple.equals("FeignClient")) {
                attribute(annotation, "name").or(() -> attribute(annotation, "value"))
                        .ifPresent(name -> file.fact(FEIGN + clean(name) + "|" + owner(annotation), annotation));
            }
        }
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            // Printing a scope costs ~4% of a cold audit; only the breaker libraries' checks read it.
            String scope = resilience4j || failsafe || hystrix
                    ? call.getScope().map(Expression::toString).orElse("") : "";
            Optional<String> firstText = call.getArguments().isEmpty() ? Optional.empty()
                    : literal(call.getArgument(0));
            if (resilience4j && (scope.endsWith("CircuitBreaker") && (name.equals("of") || name.equals("ofDefaults"))
                    || name.equals("circuitBreaker"))) {
                breaker(file, "Resilience4j CircuitBreaker", firstText.orElse(""), call);
            } else if (springCloud && name.equals("create") && firstText.isPresent()) {
                breaker(file, "Spring Cloud CircuitBreaker", firstText.get(), call);
            } else if (failsafe && scope.endsWith("CircuitBreaker") && (name.equals("builder")
                    || name.equals("ofDefaults"))) {
                breaker(file, "Failsafe CircuitBreaker", variable(call), call);
            } else if (hystrix && name.equals("asKey") && scope.contains("GroupKey") && firstText.isPresent()) {
                breaker(file, "Hystrix command group", firstText.get(), call);
            } else if ((name.equals("forTarget") || name.equals("forAddress")) && firstText.isPresent()) {
                Matcher target = TARGET.matcher(firstText.get());
                String host = target.matches() ? target.group(1) : firstText.get();
                if (host.matches("[a-z][a-z0-9.-]*")) {
                    file.fact(HOST + host + "|" + owner(call), call);
                }
            }
            if (ServiceSignals.isOutbound(call, name, imports)) {
                file.fact(CLIENT + owner(call), call);
            }
        }
        if (failsafe) {
            for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
                if (creation.getType().getNameAsString().equals("CircuitBreaker")) {
                    breaker(file, "Failsafe CircuitBreaker", variable(creation), creation);
                }
            }
        }
        if (hystrix) {
            for (ClassOrInterfaceDeclaration type : file.all(ClassOrInterfaceDeclaration.class)) {
                if (type.getExtendedTypes().stream().anyMatch(extended -> extended.getNameAsString()
                        .startsWith("Hystrix") && extended.getNameAsString().endsWith("Command"))) {
                    breaker(file, "Hystrix command", type.getNameAsString(), type.getName());
                }
            }
        }
        for (StringLiteralExpr literal : file.all(StringLiteralExpr.class)) {
            Matcher url = URL.matcher(literal.getValue());
            if (url.find()) {
                file.fact(HOST + url.group(1) + "|" + owner(literal), literal);
            }
        }
    }

    @Override
    public void finish(AuditContext context, ProjectFacts facts) {
        new DependencyGuards(context, facts).check();
    }

    private static void breaker(SourceFile file, String library, String name, Node at) {
        file.fact(BREAKER + library + "|" + clean(name) + "|" + owner(at), at);
    }

    /** The class whose code holds {@code node}, the anonymous class's host for anonymous classes. */
    private static String owner(Node node) {
        return SourceFile.ancestor(node, ClassOrInterfaceDeclaration.class)
                .map(ClassOrInterfaceDeclaration::getNameAsString).orElse("");
    }

    /** The variable or field a breaker is assigned to: {@code paymentsBreaker = CircuitBreaker.builder()...}. */
    private static String variable(Node node) {
        Node current = node;
        while (current != null && !(current instanceof VariableDeclarator)) {
            current = current.getParentNode().filter(parent -> parent instanceof Expression
                    || parent instanceof VariableDeclarator).orElse(null);
        }
        return current instanceof VariableDeclarator declarator ? declarator.getNameAsString() : "";
    }

    private static Optional<String> attribute(AnnotationExpr annotation, String name) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return name.equals("value") || name.equals("name") ? literal(single.getMemberValue()) : Optional.empty();
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(pair -> pair.getNameAsString().equals(name)).findFirst()
                    .flatMap(pair -> literal(pair.getValue()));
        }
        return Optional.empty();
    }

    private static Optional<String> literal(Expression expression) {
        return expression instanceof StringLiteralExpr text ? Optional.of(text.getValue()) : Optional.empty();
    }

    private static boolean imports(List<String> imports, String prefix) {
        return imports.stream().anyMatch(name -> name.startsWith(prefix));
    }

    private static String clean(String text) {
        return text.replace('|', '_');
    }
}
