package io.relia.audit.spring;

import io.relia.audit.AuditContext;
import io.relia.audit.DevelopmentFiles;
import io.relia.audit.TestSources;
import io.relia.audit.secret.SecretLiterals;
import io.relia.core.Finding;
import io.relia.core.Severity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The security rules of Spring configuration: actuator endpoints exposed over HTTP and secrets written as literal
 * property values. Files for a developer's machine ({@link DevelopmentFiles}: dev/local/test/sample profiles, demo
 * and example modules) and test sources are left alone.
 */
final class SpringSecurity {

    private static final String INCLUDE = "management.endpoints.web.exposure.include";
    private static final String EXCLUDE = "management.endpoints.web.exposure.exclude";
    /** Endpoints whose exposure hands over the service (credentials, shutdown, routing). */
    private static final Set<String> CRITICAL = Set.of("heapdump", "env", "configprops", "shutdown", "jolokia",
            "gateway", "restart", "refresh");
    /** Endpoints that leak or change less, but still more than a service should show the world. */
    private static final Set<String> SENSITIVE = Set.of("threaddump", "logfile", "loggers", "httpexchanges",
            "httptrace", "sessions", "trace", "dump");
    /** Where a client's server is written beside its password: spring.datasource.url, spring.rabbitmq.host. */
    private static final List<String> SERVER_KEYS = List.of("url", "jdbc-url", "uri", "host", "addresses");
    private static final Pattern LOOPBACK = Pattern.compile("(?i)(?<![\\w.-])(localhost|127\\.0\\.0\\.1|\\[::1])"
            + "(?![\\w.-])");
    /** What a sample secret says of itself once decoded: "...-should-be-changed-in-production", "change-me". */
    private static final Pattern SAMPLE_WORDS = Pattern.compile("(?i)change|example|sample");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");

    private SpringSecurity() {
    }

    /** Checks one file: what it exposes (with what the set of files excludes) and its literal secrets. */
    static void check(SpringProperties file, List<SpringProperties> configuration, AuditContext context) {
        if (DevelopmentFiles.developmentPath(context.root(), file.file())
                || TestSources.isTest(context.root(), file.file())) {
            return;
        }
        exposure(file, configuration, context);
        secrets(file, context);
    }

    private static void exposure(SpringProperties file, List<SpringProperties> configuration, AuditContext context) {
        Optional<SpringProperties.Property> first = file.get(INCLUDE).or(() -> file.get(INCLUDE + "[0]"));
        if (first.isEmpty()) {
            return;
        }
        Set<String> included = values(file, INCLUDE);
        Set<String> excluded = new LinkedHashSet<>();
        configuration.forEach(any -> excluded.addAll(values(any, EXCLUDE)));
        List<String> exposed = new ArrayList<>();
        boolean everything = included.contains("*");
        for (String endpoint : orderedUnion()) {
            if ((everything || included.contains(endpoint)) && !excluded.contains(endpoint)) {
                exposed.add(endpoint);
            }
        }
        if (exposed.isEmpty()) {
            return;
        }
        // Behind Spring Security the endpoints answer only to the callers it lets through: still worth knowing
        // (one permitAll away from open), not a Medium+ finding on its own.
        Optional<String> restricted = ActuatorAccess.restriction(file.file(), basePath(configuration), context);
        Severity severity = restricted.isPresent() ? Severity.LOW
                : exposed.stream().anyMatch(CRITICAL::contains) ? Severity.HIGH : Severity.MEDIUM;
        String port = configuration.stream().flatMap(any -> any.get("management.server.port").stream())
                .map(property -> " (on management port " + property.value() + ")").findFirst().orElse("");
        String access = restricted.map(where -> "; Spring Security restricts who reaches them (" + where + ")")
                .orElse("");
        String named = String.join(", ", exposed.subList(0, Math.min(4, exposed.size())));
        context.report(new Finding(SpringRules.ACTUATOR_EXPOSED.id(), severity, (everything ? "every actuator "
                + "endpoint is exposed over HTTP (include=*), " + named + " included"
                : "sensitive actuator endpoints exposed over HTTP: " + String.join(", ", exposed)) + port + access,
                first.get().location(),
                "expose only what is scraped or probed (" + INCLUDE + "=health,info,prometheus) and put the rest "
                        + "behind Spring Security or a management port no one outside reaches"));
    }

    /** Where the endpoints are served: management.endpoints.web.base-path, by default /actuator. */
    private static String basePath(List<SpringProperties> configuration) {
        return configuration.stream().flatMap(any -> any.get("management.endpoints.web.base-path").stream())
                .map(SpringProperties.Property::value).findFirst().orElse("/actuator");
    }

    /** Sensitive endpoints, critical first, each once. */
    private static List<String> orderedUnion() {
        List<String> all = new ArrayList<>(CRITICAL.stream().sorted().toList());
        all.addAll(SENSITIVE.stream().sorted().toList());
        return all;
    }

    /** A list property's values, written as "a,b", as a YAML list (key[0], key[1]) or both. */
    private static Set<String> values(SpringProperties file, String key) {
        Set<String> values = new LinkedHashSet<>();
        file.get(key).ifPresent(property -> split(property.value(), values));
        for (int index = 0; file.get(key + "[" + index + "]").isPresent(); index++) {
            split(file.get(key + "[" + index + "]").get().value(), values);
        }
        return values;
    }

    private static void split(String value, Set<String> into) {
        for (String item : value.split(",")) {
            String endpoint = item.strip().toLowerCase(Locale.ROOT).replace("\"", "").replace("'", "");
            if (!endpoint.isEmpty()) {
                into.add(endpoint);
            }
        }
    }

    private static void secrets(SpringProperties file, AuditContext context) {
        file.properties().values().stream().sorted((a, b) -> a.location().compareTo(b.location()))
                .filter(property -> SecretLiterals.namesSecret(property.key())
                        && SecretLiterals.isLiteral(property.value()) && !development(file, property))
                .forEach(property -> context.report(new Finding(SpringRules.SECRET_IN_CONFIG.id(),
                        SpringRules.SECRET_IN_CONFIG.severity(), property.key() + " is written into "
                        + file.file().getFileName() + " as a literal value", property.location(),
                        "read it from the environment or a mounted Secret: " + property.key() + "=${"
                                + environmentName(property.key()) + "}; then rotate it, as the repository keeps it")));
    }

    /**
     * True when a secret is a development default, not a production one: its client's server, written beside it,
     * is this machine ({@code spring.r2dbc.url: r2dbc:mysql://localhost:3306/halo}: a developer's local database)
     * outside a production profile,
     * or it is base64 whose decoded text calls itself a sample (jhipster's "...-should-be-changed-in-production").
     */
    private static boolean development(SpringProperties file, SpringProperties.Property secret) {
        String key = secret.key();
        String block = key.contains(".") ? key.substring(0, key.lastIndexOf('.') + 1) : "";
        boolean local = !production(file) && SERVER_KEYS.stream().flatMap(server -> file.get(block + server).stream())
                .anyMatch(server -> LOOPBACK.matcher(server.value()).find());
        return local || decodedSample(secret.value().strip());
    }

    /** True for a profile named for production (application-prod.yml), where even a local server is meant. */
    private static boolean production(SpringProperties file) {
        String name = String.valueOf(file.file().getFileName()).toLowerCase(Locale.ROOT);
        return Arrays.stream(name.split("[-_.]")).anyMatch(part -> part.equals("prod") || part.equals("production"));
    }

    private static boolean decodedSample(String value) {
        if (!BASE64.matcher(value).matches()) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            return SAMPLE_WORDS.matcher(decoded).find();
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** {@code spring.datasource.password} as an environment variable name: {@code SPRING_DATASOURCE_PASSWORD}. */
    private static String environmentName(String key) {
        return key.replaceAll("\\[\\d+]", "").replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    }
}
