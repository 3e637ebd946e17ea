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
                    + "without the wait bound of the pool it uses, in application.yml/.properties or its profiles. "
                    + "The pool is told by spring.datasource.type, else by the namespace configured "
                    + "(spring.datasource.hikari/tomcat/dbcp2/druid.*), else by the pool dependency in the nearest "
                    + "pom.xml or build.gradle, else Spring Boot's default HikariCP. HikariCP connection-timeout "
                    + "and Tomcat JDBC max-wait default to 30 s (Low); Commons DBCP2 and Druid max-wait default to "
                    + "-1, waiting indefinitely (High).",
            "When the pool is exhausted every request thread waits for a connection: with 0 for ever, with the "
                    + "default for 30 s, longer than most callers wait, so threads pile up behind a slow database. "
                    + "HikariCP HikariConfig: connectionTimeout 0 means Integer.MAX_VALUE; DBCP2 BasicDataSource and "
                    + "Druid: maxWait -1 blocks indefinitely.",
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

    static final AuditRule ACTUATOR_EXPOSED = new AuditRule("spring/actuator-exposed",
            "Sensitive actuator endpoints exposed over HTTP", Severity.HIGH,
            "management.endpoints.web.exposure.include set to * (YAML \"*\", a list or a comma-separated "
                    + "property) or naming a sensitive endpoint: heapdump, threaddump, env, configprops, "
                    + "shutdown, jolokia, logfile, loggers, httpexchanges/httptrace, sessions, gateway, restart, "
                    + "refresh. Endpoints listed in exposure.exclude are taken out. High for heapdump, env, "
                    + "configprops, shutdown, jolokia, gateway, restart and refresh; Medium for the rest. Files for "
                    + "development (as for spring/secret-in-config: local, dev, test, sample profiles, demo and "
                    + "example modules) and test sources even with --include-tests are not checked: they do not run "
                    + "in production. Low, naming the place, when the module's Spring Security configuration lets "
                    + "only authenticated or authorised callers reach the management base path "
                    + "(management.endpoints.web.base-path, /actuator by default): requestMatchers/antMatchers/"
                    + "pathMatchers(\"<base>/**\") or EndpointRequest.toAnyEndpoint() followed by hasAuthority, "
                    + "hasRole, their hasAny forms, authenticated or access, or a chain scoped with "
                    + "securityMatcher(EndpointRequest.toAnyEndpoint()) whose anyRequest() is so restricted.",
            "A heap dump holds every credential and token the service has in memory, env and configprops show its "
                    + "configuration, shutdown stops it, gateway's routes can be rewritten (CVE-2022-22947) and "
                    + "loggers can be switched to DEBUG: whoever reaches the port owns the service. Spring Boot "
                    + "exposes only health over HTTP by default for this reason; a separate management.server.port "
                    + "or Spring Security on /actuator narrows who reaches it.",
            "management:\n  endpoints:\n    web:\n      exposure:\n        include: \"*\"",
            "management:\n  endpoints:\n    web:\n      exposure:\n        include: health,info,prometheus",
            Precision.HIGH, List.of("spring", "security", "actuator"));

    static final AuditRule SECRET_IN_CONFIG = new AuditRule("spring/secret-in-config",
            "Secret written into Spring configuration", Severity.HIGH,
            "A property whose last segment names a secret (password, secret, token, api-key, credentials, "
                    + "private-key; not password-encoder or token-validity-seconds) set to a literal value rather "
                    + "than a ${...} placeholder: spring.datasource.password=s3cret, "
                    + "spring.security.oauth2.client.registration.*.client-secret, server.ssl.key-store-password. "
                    + "Upper-case placeholders a deploy script replaces (YOUR_API_KEY) are not literals. Not "
                    + "checked: files for development (profiles named local, dev, development, test, testing, it, "
                    + "e2e, ci, h2, sample(s), example(s) or demo, such as application-secret-samples.yml; modules "
                    + "and folders named *example*, *sample*, *demo*, *tutorial*, *quickstart*; docs), test sources "
                    + "even with --include-tests, a password whose server written beside it (url, host, uri, "
                    + "addresses of the same block) is localhost or 127.0.0.1 outside a prod profile (a developer's "
                    + "local database), and base64 values whose decoded text calls them a sample (change, example, "
                    + "sample).",
            "application.yml is committed and packaged into the jar: the secret is in the repository's history, "
                    + "every build artifact and every image layer, and changing it takes a release. Read it from "
                    + "the environment (${DB_PASSWORD}), a mounted Secret or a config server with a secret backend.",
            "spring:\n  datasource:\n    password: s3cret", "spring:\n  datasource:\n    password: ${DB_PASSWORD}",
            Precision.HIGH, List.of("spring", "security", "secrets"));

    static final List<AuditRule> ALL = List.of(DATASOURCE_TIMEOUT, ASYNC_NO_TIMEOUT, HEALTH_PROBES_DISABLED,
            RETRY_WITHOUT_LIMIT, ACTUATOR_EXPOSED, SECRET_IN_CONFIG);

    private SpringRules() {
    }
}
