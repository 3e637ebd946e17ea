package io.relia.audit.java;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one file tells the observability rules about the service: it serves HTTP, exposes a health path, records
 * request metrics, logs, calls out, propagates traces. Noted as {@link SourceFile#fact facts}, from the file alone.
 */
final class ServiceSignals {

    static final String HANDLER = "observability.http-handler";
    static final String HEALTH = "observability.health";
    static final String REQUEST_METRICS = "observability.request-metrics";
    static final String LATENCY_METRIC = "observability.latency-metric";
    static final String STATUS_LABEL = "observability.status-label";
    static final String LOGGER = "observability.logger";
    static final String PRINT = "observability.print";
    static final String OUTBOUND = "observability.outbound-call";
    static final String TRACING = "observability.tracing";
    static final String METRICS_ENDPOINT = "observability.metrics-endpoint";

    /** Libraries whose import means HTTP requests are counted and timed for the service (filters, binders). */
    private static final List<String> REQUEST_METRICS_IMPORTS = List.of("io.micrometer.core.annotation.",
            "io.micrometer.core.instrument.binder.http.", "io.micrometer.core.instrument.binder.jetty.",
            "io.micrometer.jakarta9.instrument.binder.http.", "io.prometheus.client.filter.",
            "org.eclipse.microprofile.metrics.annotation.", "com.codahale.metrics.servlet.",
            "com.codahale.metrics.jetty", "io.dropwizard.metrics.servlet", "io.dropwizard.metrics.jetty",
            "io.javalin.micrometer.", "io.vertx.micrometer.", "io.opentelemetry.instrumentation.servlet",
            "io.opentelemetry.instrumentation.spring.webmvc", "io.opentelemetry.instrumentation.spring.webflux",
            "org.springframework.web.filter.ServerHttpObservationFilter");
    private static final List<String> METRICS_IMPORTS = List.of("io.micrometer.core.", "io.prometheus.",
            "io.opentelemetry.api.metrics.", "com.codahale.metrics.", "io.dropwizard.metrics.",
            "org.eclipse.microprofile.metrics.");
    private static final List<String> TRACING_IMPORTS = List.of("io.opentelemetry.", "brave.", "zipkin2.",
            "io.micrometer.tracing.", "org.springframework.cloud.sleuth.", "io.opentracing.", "io.jaegertracing.",
            "datadog.trace.", "co.elastic.apm.");
    private static final List<String> HEALTH_IMPORTS = List.of("org.springframework.boot.actuate.health.",
            "org.eclipse.microprofile.health.", "io.micronaut.management.health.", "io.helidon.health.");
    private static final List<String> LOGGING_IMPORTS = List.of("org.slf4j.", "org.apache.logging.log4j.",
            "java.util.logging.", "org.apache.commons.logging.", "org.jboss.logging.", "lombok.extern.");
    private static final List<String> ROUTER_IMPORTS = List.of("io.javalin.", "io.vertx.ext.web.",
            "org.springframework.web.reactive.function.server.", "org.springframework.web.servlet.function.",
            "io.helidon.webserver.");

    private static final Set<String> CONTROLLERS = Set.of("RestController", "Controller");
    private static final Set<String> ROUTE_ANNOTATIONS = Set.of("RequestMapping", "GetMapping", "PostMapping",
            "PutMapping", "DeleteMapping", "PatchMapping", "Path", "WebServlet", "Get", "Post", "Put", "Delete",
            "Route");
    private static final Set<String> ROUTE_CALLS = Set.of("get", "post", "put", "delete", "patch", "head", "route",
            "path", "GET", "POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> HANDLER_METHODS = Set.of("handle", "service", "doGet", "doPost", "doPut",
            "doDelete", "doPatch", "handleRequest");
    private static final Set<String> LOG_METHODS = Set.of("info", "warn", "warning", "error", "debug");
    private static final Set<String> PRINTS = Set.of("println", "print", "printf", "format");
    private static final Set<String> LOGGER_ANNOTATIONS = Set.of("Slf4j", "Log4j2", "Log", "CommonsLog",
            "XSlf4j", "JBossLog");
    private static final Set<String> REST_TEMPLATE_CALLS = Set.of("getForObject", "getForEntity", "postForObject",
            "postForEntity", "postForLocation", "patchForObject", "exchange");
    private static final Set<String> STUB_FACTORIES = Set.of("newBlockingStub", "newStub", "newFutureStub",
            "newBlockingV2Stub");
    private static final Set<String> HEADER_SETTERS = Set.of("setRequestProperty", "addRequestProperty", "set",
            "add", "put");
    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "x-b3-traceid", "b3", "uber-trace-id",
            "x-datadog-trace-id");
    /** A label or tag key that splits requests by outcome: status, code, status_code, http.response.status_code. */
    private static final Pattern STATUS_KEY = Pattern.compile(
            "(?i)(http[._])?(response[._])?(status([._]?code)?|code|outcome|status[._]class)");
    /** A path segment naming a health, liveness or readiness endpoint. */
    private static final Set<String> HEALTH_SEGMENTS = Set.of("health", "healthz", "healthy", "healthcheck",
            "ready", "readyz", "readiness", "live", "livez", "liveness", "ping", "status");

    private ServiceSignals() {
    }

    /** Notes every observability fact {@code file} holds. */
    static void note(SourceFile file) {
        List<String> imports = new ArrayList<>();
        for (ImportDeclaration declaration : file.unit().getImports()) {
            String name = declaration.getNameAsString() + (declaration.isAsterisk() ? "." : "");
            imports.add(name);
            if (startsWithAny(name, REQUEST_METRICS_IMPORTS)) {
                file.fact(REQUEST_METRICS, declaration);
            }
            if (startsWithAny(name, TRACING_IMPORTS) && !name.contains(".metrics") && !name.contains(".logs")) {
                file.fact(TRACING, declaration);
            }
            if (startsWithAny(name, HEALTH_IMPORTS)) {
                file.fact(HEALTH, declaration);
            }
        }
        Set<ClassOrInterfaceDeclaration> handlers = handlerClasses(file, imports);
        routeAnnotations(file, imports);
        calls(file, imports, handlers);
        if (importsAny(imports, METRICS_IMPORTS)) {
            statusLabels(file);
        }
        for (StringLiteralExpr literal : file.all(StringLiteralExpr.class)) {
            if (TRACE_HEADERS.contains(literal.getValue().toLowerCase(Locale.ROOT)) && isHeaderName(literal)) {
                file.fact(TRACING, literal);
            }
        }
    }

    /** A literal set as a request header ({@code header("traceparent", ...)}) or kept in a constant for that. */
    private static boolean isHeaderName(StringLiteralExpr literal) {
        Node parent = literal.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            return name.toLowerCase(Locale.ROOT).contains("header") || HEADER_SETTERS.contains(name);
        }
        return parent instanceof VariableDeclarator;
    }

    private static Set<ClassOrInterfaceDeclaration> handlerClasses(SourceFile file, List<String> imports) {
        Set<ClassOrInterfaceDeclaration> handlers = new HashSet<>();
        boolean jdkServer = importsAny(imports, List.of("com.sun.net.httpserver."));
        boolean servlet = importsAny(imports, List.of("javax.servlet.", "jakarta.servlet."));
        boolean controllers = importsAny(imports, List.of("org.springframework.", "io.micronaut.http."));
        boolean jaxRs = importsAny(imports, List.of("javax.ws.rs.", "jakarta.ws.rs."));
        for (ClassOrInterfaceDeclaration type : file.all(ClassOrInterfaceDeclaration.class)) {
            boolean handler = jdkServer && named(type.getImplementedTypes(), "HttpHandler")
                    || servlet && named(type.getExtendedTypes(), "HttpServlet")
                    || type.getAnnotations().stream().anyMatch(annotation -> {
                        String name = annotation.getName().getIdentifier();
                        return controllers && CONTROLLERS.contains(name) || jaxRs && name.equals("Path")
                                || servlet && name.equals("WebServlet");
                    });
            if (handler) {
                handlers.add(type);
                file.fact(HANDLER, type.getName());
            }
            if (importsAny(imports, LOGGING_IMPORTS) && type.getAnnotations().stream()
                    .anyMatch(annotation -> LOGGER_ANNOTATIONS.contains(annotation.getName().getIdentifier()))) {
                file.fact(LOGGER, type.getName());
            }
        }
        return handlers;
    }

    /** Health paths named in route annotations: {@code @GetMapping("/health")}, {@code @Path("healthz")}. */
    private static void routeAnnotations(SourceFile file, List<String> imports) {
        if (!importsAny(imports, List.of("org.springframework.", "javax.", "jakarta.", "io.micronaut.",
                "io.quarkus."))) {
            return;
        }
        List<AnnotationExpr> annotations = new ArrayList<>(file.all(SingleMemberAnnotationExpr.class));
        annotations.addAll(file.all(NormalAnnotationExpr.class));
        for (AnnotationExpr annotation : annotations) {
            if (!ROUTE_ANNOTATIONS.contains(annotation.getName().getIdentifier())) {
                continue;
            }
            List<Expression> values = new ArrayList<>();
            if (annotation instanceof SingleMemberAnnotationExpr single) {
                values.add(single.getMemberValue());
            } else if (annotation instanceof NormalAnnotationExpr normal) {
                normal.getPairs().stream().filter(pair -> Set.of("value", "path", "urlPatterns", "uri")
                        .contains(pair.getNameAsString())).forEach(pair -> values.add(pair.getValue()));
            }
            if (values.stream().anyMatch(ServiceSignals::namesHealthPath)) {
                file.fact(HEALTH, annotation);
            }
            if (values.stream().anyMatch(value -> value instanceof StringLiteralExpr path
                    && isMetricsPath(path.getValue()))) {
                file.fact(METRICS_ENDPOINT, annotation);
            }
        }
    }

    private static void calls(SourceFile file, List<String> imports, Set<ClassOrInterfaceDeclaration> handlers) {
        boolean jdkServer = importsAny(imports, List.of("com.sun.net.httpserver."));
        boolean router = importsAny(imports, ROUTER_IMPORTS);
        boolean logging = importsAny(imports, LOGGING_IMPORTS);
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            boolean route = jdkServer && name.equals("createContext") && !call.getArguments().isEmpty()
                    || router && ROUTE_CALLS.contains(name) && !call.getArguments().isEmpty()
                    && call.getArgument(0) instanceof StringLiteralExpr path && path.getValue().startsWith("/");
            if (route) {
                file.fact(HANDLER, call);
                if (namesHealthPath(call.getArgument(0))) {
                    file.fact(HEALTH, call);
                }
                if (call.getArgument(0) instanceof StringLiteralExpr path && isMetricsPath(path.getValue())) {
                    file.fact(METRICS_ENDPOINT, call);
                }
            }
            if ((name.equals("builder") || name.equals("buildAndStart")) && scopeNamed(call, "HTTPServer")
                    && importsAny(imports, List.of("io.prometheus."))) {
                file.fact(METRICS_ENDPOINT, call);
            }
            if (isOutbound(call, name, imports)) {
                file.fact(OUTBOUND, call);
            }
            if (isLatencyMetric(call, name, imports)) {
                file.fact(LATENCY_METRIC, call);
            }
            if (name.equals("getLogger") && (logging || scopeNamed(call, "System"))) {
                file.fact(LOGGER, call);
            }
            if (PRINTS.contains(name) && printsToConsole(call) && printIsLogging(call, handlers)) {
                file.fact(PRINT, call);
            }
        }
    }

    static boolean isOutbound(MethodCallExpr call, String name, List<String> imports) {
        return switch (name) {
            case "send", "sendAsync" -> call.getArguments().size() >= 2
                    && importsAny(imports, List.of("java.net.http."));
            case "newCall" -> importsAny(imports, List.of("okhttp3."));
            case "execute" -> call.getScope().isPresent()
                    && importsAny(imports, List.of("org.apache.http.", "org.apache.hc.client5."));
            case "retrieve", "exchangeToMono", "exchangeToFlux" -> importsAny(imports,
                    List.of("org.springframework.web.reactive.function.client.", "org.springframework.web.client."));
            case "openConnection" -> importsAny(imports, List.of("java.net."));
            default -> REST_TEMPLATE_CALLS.contains(name)
                    && importsAny(imports, List.of("org.springframework.web.client."))
                    || STUB_FACTORIES.contains(name) && call.getScope().filter(scope -> scope instanceof NameExpr n
                    && n.getNameAsString().endsWith("Grpc")).isPresent();
        };
    }

    /** A latency instrument: Prometheus Histogram/Summary, Micrometer Timer, OpenTelemetry or Dropwizard histogram. */
    private static boolean isLatencyMetric(MethodCallExpr call, String name, List<String> imports) {
        if ((name.equals("build") || name.equals("builder")) && importsAny(imports, List.of("io.prometheus."))) {
            return scopeNamed(call, "Histogram") || scopeNamed(call, "Summary");
        }
        if ((name.equals("builder") || name.equals("start")) && scopeNamed(call, "Timer")) {
            return importsAny(imports, List.of("io.micrometer.core."));
        }
        if (name.equals("timer")) {
            return importsAny(imports, List.of("io.micrometer.core.", "com.codahale.metrics.",
                    "io.dropwizard.metrics.", "org.eclipse.microprofile.metrics."));
        }
        return name.equals("histogramBuilder") && importsAny(imports, List.of("io.opentelemetry.api.metrics."));
    }

    /** Label and tag keys such as {@code "status"} passed to a call, and the semantic-convention status keys. */
    private static void statusLabels(SourceFile file) {
        for (StringLiteralExpr literal : file.all(StringLiteralExpr.class)) {
            if (literal.getParentNode().orElse(null) instanceof MethodCallExpr
                    && STATUS_KEY.matcher(literal.getValue()).matches()) {
                file.fact(STATUS_LABEL, literal);
            }
        }
        for (FieldAccessExpr access : file.all(FieldAccessExpr.class)) {
            if (access.getNameAsString().endsWith("STATUS_CODE")) {
                file.fact(STATUS_LABEL, access);
            }
        }
    }

    /** {@code System.out.println(...)}, or a print on a field or variable holding {@code System.err}. */
    private static boolean printsToConsole(MethodCallExpr call) {
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty()) {
            return false;
        }
        if (isConsole(scope.get())) {
            return true;
        }
        return scope.get() instanceof NameExpr name && Declaration.of(name).flatMap(Declaration::initializer)
                .filter(ServiceSignals::isConsole).isPresent();
    }

    private static boolean isConsole(Expression expression) {
        String text = expression.toString();
        return text.equals("System.out") || text.equals("System.err");
    }

    /**
     * A console print is logging when it runs while serving a request (in a handler class or method, or a lambda
     * registered as a route), reports a caught failure, or sits in a home-made logger (a class with info/warn/error
     * methods); a {@code main} method's prints are a command line's output.
     */
    private static boolean printIsLogging(MethodCallExpr call, Set<ClassOrInterfaceDeclaration> handlers) {
        Optional<MethodDeclaration> method = SourceFile.ancestor(call, MethodDeclaration.class);
        if (method.filter(m -> m.getNameAsString().equals("main") && m.isStatic()).isPresent()) {
            return false;
        }
        if (SourceFile.ancestor(call, CatchClause.class).isPresent()) {
            return true;
        }
        if (method.filter(ServiceSignals::isHandlerMethod).isPresent()) {
            return true;
        }
        Optional<ClassOrInterfaceDeclaration> type = SourceFile.ancestor(call, ClassOrInterfaceDeclaration.class);
        if (type.filter(handlers::contains).isPresent() || type.filter(ServiceSignals::isHomeMadeLogger).isPresent()) {
            return true;
        }
        return SourceFile.ancestor(call, LambdaExpr.class).flatMap(lambda -> lambda.getParentNode())
                .filter(parent -> parent instanceof MethodCallExpr registered
                        && (registered.getNameAsString().equals("createContext")
                        || ROUTE_CALLS.contains(registered.getNameAsString()))).isPresent();
    }

    private static boolean isHandlerMethod(MethodDeclaration method) {
        return HANDLER_METHODS.contains(method.getNameAsString()) || method.getAnnotations().stream()
                .anyMatch(annotation -> ROUTE_ANNOTATIONS.contains(annotation.getName().getIdentifier()));
    }

    private static boolean isHomeMadeLogger(ClassOrInterfaceDeclaration type) {
        return type.getMethods().stream().map(MethodDeclaration::getNameAsString).filter(LOG_METHODS::contains)
                .distinct().count() >= 2;
    }

    /** True when {@code value} is a route path (literal, constant or array of them) naming a health endpoint. */
    private static boolean namesHealthPath(Expression value) {
        if (value instanceof ArrayInitializerExpr array) {
            return array.getValues().stream().anyMatch(ServiceSignals::namesHealthPath);
        }
        if (value instanceof NameExpr name) {
            return Declaration.of(name).flatMap(Declaration::initializer)
                    .filter(StringLiteralExpr.class::isInstance).map(ServiceSignals::namesHealthPath).orElse(false);
        }
        return value instanceof StringLiteralExpr literal && isHealthPath(literal.getValue());
    }

    /**
     * A path with a health segment ({@code /health}, {@code /actuator/health}, {@code /-/ready}) and no path
     * variable: {@code /orders/{id}/status} is an order's status, not the service's.
     */
    static boolean isHealthPath(String path) {
        boolean health = false;
        for (String segment : path.toLowerCase(Locale.ROOT).split("/")) {
            if (segment.startsWith("{") || segment.startsWith(":") || segment.startsWith("<")) {
                return false;
            }
            health |= HEALTH_SEGMENTS.contains(segment);
        }
        return health;
    }

    /** A path serving metrics for scraping: {@code /metrics}, {@code /actuator/prometheus}, {@code /q/metrics}. */
    static boolean isMetricsPath(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return path.startsWith("/") && (last.equals("metrics") || last.equals("prometheus"));
    }

    private static boolean scopeNamed(MethodCallExpr call, String name) {
        return call.getScope().filter(scope -> scope instanceof NameExpr n && n.getNameAsString().equals(name))
                .isPresent();
    }

    private static boolean named(List<ClassOrInterfaceType> types, String name) {
        return types.stream().anyMatch(type -> type.getNameAsString().equals(name));
    }

    private static boolean importsAny(List<String> imports, List<String> prefixes) {
        return imports.stream().anyMatch(name -> startsWithAny(name, prefixes));
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }
}
