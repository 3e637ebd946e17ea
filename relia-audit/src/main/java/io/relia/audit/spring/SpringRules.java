package io.relia.audit.spring;

import io.relia.audit.AuditRule;
import io.relia.audit.AuditRule.Precision;
import io.relia.core.Severity;

import java.util.List;

/** The Spring configuration rules of the audit catalogue. */
final class SpringRules {

    static final AuditRule DATASOURCE_TIMEOUT = new AuditRule("spring/datasource-no-connection-timeout",
            "Datasource pool without connection timeout", Severity.HIGH,
            "spring.datasource.hikari.connection-timeout set to 0 (wait forever; High), or a datasource configured "
                    + "without any connection-timeout in application.yml or its profiles (Hikari's 30 s default "
                    + "applies; Low).",
            "When the pool is exhausted every request thread waits for a connection: with 0 for ever, with the "
                    + "default for 30 s, longer than most callers wait, so threads pile up behind a slow database. "
                    + "HikariCP HikariConfig: connectionTimeout 0 means Integer.MAX_VALUE.",
            "spring:\n  datasource:\n    hikari:\n      connection-timeout: 0",
            "spring:\n  datasource:\n    hikari:\n      connection-timeout: 2s", Precision.HIGH,
            List.of("spring", "timeout", "database"));

    static final AuditRule ASYNC_NO_TIMEOUT = new AuditRule("spring/mvc-async-no-timeout",
            "Async requests without timeout", Severity.MEDIUM,
            "spring.mvc.async.request-timeout set to -1 (or another negative value): async requests never time out.",
            "A DeferredResult or Callable that is never completed holds its connection and memory for ever; "
                    + "under a slow dependency they accumulate until the server runs out of either.",
            "spring.mvc.async.request-timeout=-1", "spring.mvc.async.request-timeout=30s", Precision.VERY_HIGH,
            List.of("spring", "timeout"));

    static final AuditRule HEALTH_PROBES_DISABLED = new AuditRule("spring/health-probes-disabled",
            "Health probe endpoints disabled", Severity.MEDIUM,
            "management.endpoint.health.probes.enabled set to false.",
            "Kubernetes probes then have no liveness/readiness groups to call (/actuator/health/liveness and "
                    + "/readiness): probes fall back to the overall health, so one slow dependency restarts every "
                    + "pod at once, or there are no probes at all.",
            "management.endpoint.health.probes.enabled=false", "management.endpoint.health.probes.enabled=true",
            Precision.HIGH, List.of("spring", "probes", "kubernetes"));

    static final AuditRule RETRY_WITHOUT_LIMIT = new AuditRule("spring/retry-without-max-attempts",
            "Retry instance without max-attempts", Severity.LOW,
            "A resilience4j.retry instance that sets no max-attempts, itself or through its base-config or the "
                    + "default config.",
            "The limit is then Resilience4j's implicit 3, which nobody chose: retries multiply load on a "
                    + "struggling dependency, so the bound belongs in the config next to the wait duration "
                    + "(Resilience4j RetryConfig; SRE book, Addressing Cascading Failures).",
            "resilience4j.retry.instances.payments.wait-duration=500ms",
            "resilience4j.retry.instances.payments.max-attempts=3\n"
                    + "resilience4j.retry.instances.payments.enable-exponential-backoff=true",
            Precision.MEDIUM, List.of("spring", "retry", "resilience4j"));

    static final List<AuditRule> ALL = List.of(DATASOURCE_TIMEOUT, ASYNC_NO_TIMEOUT, HEALTH_PROBES_DISABLED,
            RETRY_WITHOUT_LIMIT);

    private SpringRules() {
    }
}
