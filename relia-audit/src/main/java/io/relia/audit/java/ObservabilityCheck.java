package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.audit.Evidence;
import io.relia.core.Finding;
import io.relia.core.Location;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service-wide observability rules: request metrics, a health endpoint, structured logs and trace propagation
 * are judged over all main sources together (a filter in one file instruments the handlers of every other), plus
 * the build, deployment and logging files. Each rule reports once, at the first place that needs it.
 */
final class ObservabilityCheck implements ProjectCheck {

    /** Dependencies that record {@code http.server.requests}-style metrics for every handler by themselves. */
    private static final Set<String> METRICS_DEPENDENCIES = Set.of("spring-boot-starter-actuator",
            "quarkus-micrometer", "micronaut-micrometer-core", "vertx-micrometer-metrics",
            "opentelemetry-spring-boot-starter", "opentelemetry-javaagent");
    private static final Set<String> HEALTH_DEPENDENCIES = Set.of("spring-boot-starter-actuator",
            "quarkus-smallrye-health", "smallrye-health", "micronaut-management", "helidon-health",
            "helidon-webserver-observe-health");
    private static final Set<String> TRACING_DEPENDENCIES = Set.of("micrometer-tracing",
            "opentelemetry-spring-boot-starter", "spring-cloud-starter-sleuth", "spring-cloud-sleuth",
            "quarkus-opentelemetry", "micronaut-tracing", "opentelemetry-javaagent");
    /** Micrometer registries that serve a Prometheus scrape endpoint. */
    private static final Set<String> PROMETHEUS_REGISTRIES = Set.of("micrometer-registry-prometheus",
            "quarkus-micrometer-registry-prometheus", "micronaut-micrometer-registry-prometheus",
            "prometheus-metrics-exporter-servlet", "prometheus-metrics-exporter-httpserver");
    /** Encoders and layouts that write one JSON object per event (logback, logstash, log4j2, ECS, GELF). */
    private static final Pattern JSON_OUTPUT = Pattern.compile("LogstashEncoder|LogstashLayout|CompositeJsonEncoder"
            + "|JsonEncoder|JsonLayout|JsonTemplateLayout|EcsLayout|EcsEncoder|co\\.elastic\\.logging|GelfLayout"
            + "|logback\\.contrib\\.json|StructuredLogEncoder|StructuredLogLayout|structured-(console|file)-appender");
    private static final Pattern APPENDER_OUTPUT = Pattern.compile("(?i)<encoder|<layout|<pattern|PatternLayout"
            + "|layout\\.type|\"layout\"|^\\s*layout:");
    private static final Pattern SPRING_STRUCTURED = Pattern.compile("logging\\.structured\\.format|^\\s*structured:");

    @Override
    public void check(SourceFile file) {
        ServiceSignals.note(file);
    }

    @Override
    public void finish(AuditContext context, ProjectFacts facts) {
        ServiceFiles files = facts.serviceFiles(context);
        evidence(context, facts, files);
        if (Stream.of(JavaRules.HANDLER_WITHOUT_METRICS, JavaRules.NO_HEALTH_ENDPOINT, JavaRules.UNSTRUCTURED_LOGGING,
                JavaRules.OUTBOUND_WITHOUT_TRACING).noneMatch(rule -> context.enabled(rule.id()))) {
            return;
        }
        Path root = context.root();
        List<Location> handlers = mainCode(root, facts, ServiceSignals.HANDLER);
        List<Location> outbound = mainCode(root, facts, ServiceSignals.OUTBOUND);
        List<Location> loggers = mainCode(root, facts, ServiceSignals.LOGGER);
        if (handlers.isEmpty() && outbound.isEmpty() && loggers.isEmpty()) {
            return;
        }
        if (!handlers.isEmpty()) {
            requestMetrics(context, facts, files, handlers.getFirst());
            healthEndpoint(context, facts, files, handlers.getFirst());
        }
        logging(context, facts, files, handlers, loggers);
        if (!outbound.isEmpty() && mainCode(root, facts, ServiceSignals.TRACING).isEmpty()
                && !files.declares(TRACING_DEPENDENCIES) && !files.tracingAgent()) {
            report(context, JavaRules.OUTBOUND_WITHOUT_TRACING, outbound.getFirst(), "the service calls other "
                    + "services (first call here) but nothing propagates trace context: no OpenTelemetry, Micrometer "
                    + "Tracing, Brave or Sleuth, no traceparent header, no tracing Java agent",
                    "attach the OpenTelemetry Java agent (-javaagent:opentelemetry-javaagent.jar) or add "
                            + "micrometer-tracing-bridge-otel, so each outbound request carries a traceparent header");
        }
    }

    /**
     * What satisfies the observability rules, for the review to show: the metrics library or hand-written RED
     * metrics, where metrics are served, the JSON log encoder, what propagates trace context.
     */
    private static void evidence(AuditContext context, ProjectFacts facts, ServiceFiles files) {
        Path root = context.root();
        List<Location> latency = mainCode(root, facts, ServiceSignals.LATENCY_METRIC);
        List<Location> status = mainCode(root, facts, ServiceSignals.STATUS_LABEL);
        if (!latency.isEmpty() && !status.isEmpty()) {
            seen(context, Evidence.Topic.REQUEST_METRICS, "hand-written latency instrument", latency.getFirst());
            seen(context, Evidence.Topic.REQUEST_METRICS, "hand-written status label on request metrics",
                    status.getFirst());
        }
        mainCode(root, facts, ServiceSignals.REQUEST_METRICS).stream().findFirst().ifPresent(at -> seen(context,
                Evidence.Topic.REQUEST_METRICS, "a request-metrics integration is imported", at));
        files.declaration(METRICS_DEPENDENCIES).ifPresent(mention -> seen(context, Evidence.Topic.REQUEST_METRICS,
                mention.what() + " is declared (it times every handler)", mention.at()));
        files.openTelemetryAgentAt().ifPresent(mention -> seen(context, Evidence.Topic.REQUEST_METRICS,
                "the OpenTelemetry Java agent is attached (" + mention.what() + ")", mention.at()));
        mainCode(root, facts, ServiceSignals.METRICS_ENDPOINT).stream().findFirst().ifPresent(at -> seen(context,
                Evidence.Topic.METRICS_ENDPOINT, "a metrics route or exporter for scraping", at));
        files.declaration(PROMETHEUS_REGISTRIES).ifPresent(mention -> seen(context, Evidence.Topic.METRICS_ENDPOINT,
                mention.what() + " is declared (a Prometheus scrape endpoint)", mention.at()));
        for (ServiceFiles.Text config : files.loggingConfigs()) {
            if (config.matches(JSON_OUTPUT)) {
                seen(context, Evidence.Topic.STRUCTURED_LOGGING, config.path().getFileName() + " writes one JSON "
                        + "object per event", Location.of(config.path(), config.lineOf(JSON_OUTPUT), 1));
            }
        }
        for (ServiceFiles.Text config : files.springConfigs()) {
            if (config.matches(SPRING_STRUCTURED)) {
                seen(context, Evidence.Topic.STRUCTURED_LOGGING, "Spring Boot structured logging is set in "
                        + config.path().getFileName(), Location.of(config.path(), config.lineOf(SPRING_STRUCTURED),
                        1));
            }
        }
        mainCode(root, facts, ServiceSignals.TRACING).stream().findFirst().ifPresent(at -> seen(context,
                Evidence.Topic.TRACE_PROPAGATION, "a tracing library or a trace header in the code", at));
        files.declaration(TRACING_DEPENDENCIES).ifPresent(mention -> seen(context, Evidence.Topic.TRACE_PROPAGATION,
                mention.what() + " is declared", mention.at()));
        files.tracingAgentAt().ifPresent(mention -> seen(context, Evidence.Topic.TRACE_PROPAGATION,
                "a tracing Java agent is attached (" + mention.what() + ")", mention.at()));
    }

    private static void seen(AuditContext context, Evidence.Topic topic, String text, Location at) {
        context.evidence(Evidence.of(topic, text, at));
    }

    private static void requestMetrics(AuditContext context, ProjectFacts facts, ServiceFiles files,
                                       Location handler) {
        Path root = context.root();
        boolean handWritten = !mainCode(root, facts, ServiceSignals.LATENCY_METRIC).isEmpty()
                && !mainCode(root, facts, ServiceSignals.STATUS_LABEL).isEmpty();
        if (handWritten || !mainCode(root, facts, ServiceSignals.REQUEST_METRICS).isEmpty()
                || files.declares(METRICS_DEPENDENCIES) || files.openTelemetryAgent()) {
            return;
        }
        report(context, JavaRules.HANDLER_WITHOUT_METRICS, handler, "the service serves HTTP (first handler here) "
                + "but records no request count by status and no latency histogram anywhere",
                "time and count every request in one filter or wrapper: a Micrometer Timer or Prometheus Histogram "
                        + "labelled by route, method and status (or add spring-boot-starter-actuator)");
    }

    private static void healthEndpoint(AuditContext context, ProjectFacts facts, ServiceFiles files,
                                       Location handler) {
        if (!mainCode(context.root(), facts, ServiceSignals.HEALTH).isEmpty() || files.declares(HEALTH_DEPENDENCIES)) {
            return;
        }
        report(context, JavaRules.NO_HEALTH_ENDPOINT, handler, "the service serves HTTP (first handler here) but "
                + "exposes no health or readiness endpoint", "serve GET /health (200 while able to take traffic) "
                + "and point the readiness and liveness probes at it, or add spring-boot-starter-actuator");
    }

    /**
     * A logging config without a JSON encoder, where main code declares loggers; or, with no logging library at
     * all, console prints in request handling or catch blocks.
     */
    private static void logging(AuditContext context, ProjectFacts facts, ServiceFiles files,
                                List<Location> handlers, List<Location> loggers) {
        if (!loggers.isEmpty()) {
            boolean springStructured = files.springConfigs().stream().anyMatch(text -> text.matches(SPRING_STRUCTURED));
            for (ServiceFiles.Text config : files.loggingConfigs()) {
                boolean springDefaults = config.contains("org/springframework/boot/logging/logback/");
                if (config.matches(JSON_OUTPUT) || springStructured && springDefaults) {
                    continue;
                }
                int line = config.lineOf(APPENDER_OUTPUT);
                report(context, JavaRules.UNSTRUCTURED_LOGGING, Location.of(config.path(), line, 1),
                        "the service logs through " + config.path().getFileName() + ", which writes plain-text "
                                + "lines: no JSON encoder or layout", "use a JSON encoder (logstash-logback-encoder "
                                + "LogstashEncoder, logback JsonEncoder, log4j2 JsonTemplateLayout or EcsLayout)");
            }
            return;
        }
        List<Location> prints = mainCode(context.root(), facts, ServiceSignals.PRINT);
        if (!handlers.isEmpty() && !prints.isEmpty()) {
            report(context, JavaRules.UNSTRUCTURED_LOGGING, prints.getFirst(), "the service logs by printing plain "
                    + "text to the console, with no logging library", "log through SLF4J with a JSON encoder (or "
                    + "write one JSON object per line) so the log pipeline can index level, message and fields");
        }
    }

    private static void report(AuditContext context, AuditRule rule, Location at, String message, String fix) {
        if (context.enabled(rule.id())) {
            context.report(new Finding(rule.id(), rule.severity(), message, at, fix));
        }
    }

    /** Where {@code key} was noted outside test sources, in file and line order. */
    private static List<Location> mainCode(Path root, ProjectFacts facts, String key) {
        return facts.inMainCode(root, key);
    }
}
