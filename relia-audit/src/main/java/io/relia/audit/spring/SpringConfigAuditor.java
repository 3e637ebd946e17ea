package io.relia.audit.spring;

import io.relia.audit.AuditAnalyzer;
import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.value.Durations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Audits Spring Boot configuration ({@code application.yml}/{@code .properties} and profile files such as
 * {@code application-prod.yml}): connection-pool and async timeouts, Kubernetes health probes, retry limits,
 * actuator endpoints exposed over HTTP and secrets written as literal values.
 * Files in one directory are one configuration: a profile inherits what the base file sets.
 */
public final class SpringConfigAuditor implements AuditAnalyzer {

    private static final String HIKARI_TIMEOUT = "spring.datasource.hikari.connection-timeout";

    @Override
    public String id() {
        return "spring";
    }

    @Override
    public List<AuditRule> rules() {
        return SpringRules.ALL;
    }

    @Override
    public void analyze(AuditContext context) {
        Map<Path, List<SpringProperties>> byDirectory = new LinkedHashMap<>();
        for (DiscoveredInput input : context.inventory().ofKind(InputKind.SPRING_CONFIG)) {
            try {
                SpringProperties file = SpringProperties.of(input);
                Path directory = input.path().toAbsolutePath().normalize().getParent();
                byDirectory.computeIfAbsent(directory, ignored -> new ArrayList<>()).add(file);
            } catch (IOException | UncheckedIOException | IllegalArgumentException unreadable) {
                context.problem(Problem.warning(Location.wholeFile(input.path()), "cannot read Spring config: "
                        + unreadable.getMessage()));
            }
        }
        byDirectory.forEach((directory, files) -> {
            files.sort((a, b) -> Integer.compare(a.file().toString().length(), b.file().toString().length()));
            files.forEach(file -> perFile(file, context));
            files.forEach(file -> SpringSecurity.check(file, files, context));
            datasourceTimeoutMissing(files, directory, context);
            retries(files, context);
        });
    }

    private static void perFile(SpringProperties file, AuditContext context) {
        file.get(HIKARI_TIMEOUT).filter(property -> duration(property.value()).map(Duration::isZero).orElse(false))
                .ifPresent(property -> report(context, SpringRules.DATASOURCE_TIMEOUT, Severity.HIGH, property,
                        property.key() + " is 0: a request waits for a pooled connection for ever",
                        "set it below your request timeout, e.g. 2s"));
        file.get("spring.mvc.async.request-timeout").filter(property -> property.value().startsWith("-"))
                .ifPresent(property -> report(context, SpringRules.ASYNC_NO_TIMEOUT, SpringRules.ASYNC_NO_TIMEOUT
                        .severity(), property, property.key() + " is " + property.value()
                        + ": async requests never time out", "set it, e.g. 30s"));
        file.get("management.endpoint.health.probes.enabled").filter(property -> property.value()
                .equalsIgnoreCase("false")).ifPresent(property -> report(context, SpringRules.HEALTH_PROBES_DISABLED,
                SpringRules.HEALTH_PROBES_DISABLED.severity(), property, "the liveness and readiness health groups "
                + "are switched off", "remove the line, or set it to true, and point the probes at "
                + "/actuator/health/liveness and /actuator/health/readiness"));
    }

    private static void datasourceTimeoutMissing(List<SpringProperties> files, Path directory,
                                                 AuditContext context) {
        if (files.stream().anyMatch(file -> file.get(HIKARI_TIMEOUT).isPresent())) {
            return;
        }
        DatasourcePool pool = DatasourcePool.of(files, directory, context.root());
        if (pool.waitSet(files)) {
            return;
        }
        String property = pool.prefix() + "." + pool.waitProperty();
        files.stream().flatMap(file -> file.firstUnder("spring.datasource").stream()).findFirst()
                .ifPresent(first -> report(context, SpringRules.DATASOURCE_TIMEOUT,
                        pool.waitsForever() ? Severity.HIGH : Severity.LOW, first, "the datasource (" + pool.name()
                                + ", from " + pool.source() + ") sets no " + property + ": requests wait "
                                + (pool.waitsForever() ? "for ever (the pool's default is " + pool.defaultWait() + ")"
                                : "up to the pool's " + pool.defaultWait() + " default") + " for a pooled connection",
                        "set " + property + " below your request timeout"));
    }

    private static void retries(List<SpringProperties> files, AuditContext context) {
        for (SpringProperties file : files) {
            for (String instance : file.childrenOf("resilience4j.retry.instances")) {
                String prefix = "resilience4j.retry.instances." + instance;
                if (!limited(files, prefix)) {
                    file.firstUnder(prefix).ifPresent(property -> report(context, SpringRules.RETRY_WITHOUT_LIMIT,
                            SpringRules.RETRY_WITHOUT_LIMIT.severity(), property, "retry instance " + instance
                                    + " sets no max-attempts (nor does its base-config)",
                            "set " + prefix + ".max-attempts (and exponential backoff with jitter)"));
                }
            }
        }
    }

    /** True when the instance, its base-config or the default config sets max-attempts in any file of the set. */
    private static boolean limited(List<SpringProperties> files, String instance) {
        Optional<String> base = files.stream().flatMap(file -> file.get(instance + ".base-config").stream())
                .map(SpringProperties.Property::value).findFirst();
        List<String> candidates = new ArrayList<>(List.of(instance, "resilience4j.retry.configs.default"));
        base.ifPresent(name -> candidates.add("resilience4j.retry.configs." + name));
        return candidates.stream().anyMatch(prefix -> files.stream().anyMatch(file ->
                file.get(prefix + ".max-attempts").isPresent()
                        || file.get(prefix + ".max-retry-attempts").isPresent()));
    }

    /** A Spring duration: plain milliseconds ({@code 0}, {@code 30000}) or with a unit ({@code 30s}). */
    private static Optional<Duration> duration(String text) {
        String value = text.strip();
        if (value.matches("-?\\d{1,18}")) {
            return Optional.of(Duration.ofMillis(Long.parseLong(value)));
        }
        return Durations.parse(value).asOptional();
    }

    private static void report(AuditContext context, AuditRule rule, Severity severity,
                               SpringProperties.Property property, String message, String fix) {
        context.report(new Finding(rule.id(), severity, message, property.location(), fix));
    }
}
