package io.relia.core.review;

import io.relia.core.files.InputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a YAML file that does not parse most likely is, so that the checks that needed it fail instead of passing
 * without it. Reads the top-level {@code key: value} lines (a tab or a bad indent further down leaves them intact)
 * and applies the same keys as {@link InputDiscovery#kindOf}; failing that, the path ({@code runbooks/},
 * {@code slos.yaml}) decides.
 */
final class LikelyKind {

    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([A-Za-z_][\\w.-]*)[ \\t]*:[ \\t]*(.*)$");
    /** A guess needs only the head of a file; beyond this the file is not read. */
    private static final int MAX_BYTES = 1 << 20;

    private LikelyKind() {
    }

    static Optional<InputKind> of(Path file, Path relative) {
        Map<String, String> keys = topLevelKeys(file);
        String name = String.valueOf(relative.getFileName()).toLowerCase(Locale.ROOT);
        if (isForeign(keys)) {
            return Optional.empty();
        }
        return fromKeys(keys, name, relative.getNameCount() == 1).or(() -> fromPath(relative));
    }

    /**
     * Top-level keys of a format Relia knows and does not read, so its path is no hint: an Alertmanager config
     * ({@code route} and {@code receivers}) named {@code alertmanager-*.yaml} is not a rule file.
     */
    private static boolean isForeign(Map<String, String> keys) {
        return keys.containsKey("route") && keys.containsKey("receivers");
    }

    private static Map<String, String> topLevelKeys(Path file) {
        Map<String, String> keys = new HashMap<>();
        String text;
        try {
            text = new String(InputFiles.readHead(file, MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return keys;
        }
        for (String line : text.split("\\R")) {
            Matcher key = TOP_LEVEL_KEY.matcher(line);
            if (key.matches()) {
                keys.putIfAbsent(key.group(1), unquote(key.group(2).replaceFirst("\\s+#.*$", "").trim()));
            }
        }
        return keys;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /** The top-level keys of {@link InputDiscovery#kindOf}, without what lies below them. */
    private static Optional<InputKind> fromKeys(Map<String, String> keys, String name, boolean atRoot) {
        String apiVersion = keys.getOrDefault("apiVersion", "");
        String kind = keys.getOrDefault("kind", "");
        InputKind found = null;
        if (apiVersion.startsWith("sloth.slok.dev/") || keys.getOrDefault("version", "").equals("prometheus/v1")) {
            found = InputKind.SLO_SLOTH;
        } else if (apiVersion.startsWith("openslo/") || apiVersion.startsWith("openslo.com/")) {
            found = InputKind.SLO_OPENSLO;
        } else if (apiVersion.startsWith("pyrra.dev/") && kind.equals("ServiceLevelObjective")) {
            found = InputKind.SLO_PYRRA;
        } else if (kind.equals("PrometheusRule") || apiVersion.isEmpty() && keys.containsKey("groups")) {
            found = InputKind.PROMETHEUS_RULES;
        } else if (keys.containsKey("diagnosis_steps") || keys.containsKey("mitigation_options")) {
            found = InputKind.RUNBOOK;
        } else if (!apiVersion.isEmpty() && !kind.isEmpty()) {
            found = InputKind.KUBERNETES;
        } else if (keys.containsKey("service") && keys.containsKey("slos")) {
            found = InputKind.SLO_NATIVE;
        } else if ((name.equals("relia.yaml") || name.equals("relia.yml")) && atRoot) {
            found = InputKind.SERVICE_CONFIG;
        } else if (keys.containsKey("chaoslib-version") || keys.containsKey("experiment")
                && keys.containsKey("steady_states")) {
            found = InputKind.CHAOS_JOURNAL;
        } else if (keys.containsKey("experiment")) {
            found = InputKind.CHAOS_EXPERIMENT;
        } else if (keys.containsKey("steady-state-hypothesis") || keys.containsKey("title")
                && keys.containsKey("method")) {
            found = InputKind.CHAOS_TOOLKIT;
        } else if (keys.containsKey("response_targets")) {
            found = InputKind.INCIDENT_POLICY;
        } else if (keys.containsKey("disaster_recovery")) {
            found = InputKind.DISASTER_RECOVERY;
        } else if (keys.containsKey("service_capacity") || keys.containsKey("capacity")
                || keys.containsKey("resources") && keys.containsKey("horizon") || keys.containsKey("compute")) {
            found = InputKind.CAPACITY;
        } else if (name.startsWith("application") && keys.keySet().stream().anyMatch(key -> key.equals("spring")
                || key.equals("server") || key.equals("management") || key.startsWith("spring."))) {
            found = InputKind.SPRING_CONFIG;
        }
        return Optional.ofNullable(found);
    }

    /** Where teams keep each kind of input, by convention; a last resort when no key gives the file away. */
    private static Optional<InputKind> fromPath(Path relative) {
        String path = relative.toString().replace('\\', '/').toLowerCase(Locale.ROOT);
        String name = String.valueOf(relative.getFileName()).toLowerCase(Locale.ROOT);
        if (path.contains("runbook")) {
            return Optional.of(InputKind.RUNBOOK);
        }
        if (path.contains("openslo")) {
            return Optional.of(InputKind.SLO_OPENSLO);
        }
        if (path.contains("sloth")) {
            return Optional.of(InputKind.SLO_SLOTH);
        }
        if (name.contains("slo")) {
            return Optional.of(InputKind.SLO_NATIVE);
        }
        if (path.contains("chaos") || name.contains("experiment")) {
            return Optional.of(InputKind.CHAOS_EXPERIMENT);
        }
        if (name.contains("alert") || name.contains("rules")) {
            return Optional.of(InputKind.PROMETHEUS_RULES);
        }
        if (name.contains("capacity")) {
            return Optional.of(InputKind.CAPACITY);
        }
        if (name.contains("disaster") || name.startsWith("dr.") || name.startsWith("dr-")) {
            return Optional.of(InputKind.DISASTER_RECOVERY);
        }
        if (name.startsWith("incidents.")) {
            return Optional.of(InputKind.INCIDENT_POLICY);
        }
        if (name.startsWith("application")) {
            return Optional.of(InputKind.SPRING_CONFIG);
        }
        if (path.startsWith("deploy/") || path.contains("/k8s/") || path.startsWith("k8s/")
                || path.contains("kubernetes") || path.contains("manifests")) {
            return Optional.of(InputKind.KUBERNETES);
        }
        return Optional.empty();
    }
}
