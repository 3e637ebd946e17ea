package io.relia.incident;

import io.relia.core.InputException;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;
import io.relia.core.spec.SpecSchema;
import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;

import io.relia.incident.intake.IntakeRules;
import io.relia.incident.notify.NotificationTarget;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads an incident policy file ({@code schemas/incident-policy.schema.json}); problems are located. */
public final class IncidentPolicyFile {

    private IncidentPolicyFile() {
    }

    /** The policy in {@code file}, or an {@link InputException} with every problem found. */
    public static IncidentPolicy load(Path file) {
        return loadSettings(file).policy();
    }

    /**
     * Everything in {@code file}: policy, alert intake rules and notification targets. A target's {@code url_env}
     * and {@code secret_env} are read from {@code environment} now, so a missing variable is a located error at
     * start-up rather than a failed notification during an incident.
     */
    public static IncidentSettings loadSettings(Path file) {
        return loadSettings(file, System.getenv());
    }

    /** As {@link #loadSettings(Path)} with an explicit environment (tests). */
    public static IncidentSettings loadSettings(Path file, Map<String, String> environment) {
        Problems problems = new Problems();
        Optional<Node> document = SpecLoader.load(file).onlyDocument("incident policy", problems);
        if (document.isPresent()) {
            problems.addAll(SpecSchema.named("incident-policy").validate(document.get()));
        }
        if (problems.hasErrors() || document.isEmpty() || !(document.get() instanceof MapNode root)) {
            throw new InputException(problems.sorted());
        }
        Fields fields = new Fields(root, problems, "");
        Map<IncidentSeverity, Duration> targets = new EnumMap<>(IncidentSeverity.class);
        fields.child("response_targets").ifPresent(section -> {
            for (IncidentSeverity severity : IncidentSeverity.values()) {
                duration(section, severity.name(), problems).ifPresent(target -> targets.put(severity, target));
            }
        });
        Duration within = IncidentPolicy.DEFAULT.postmortemWithin();
        Set<IncidentSeverity> required = EnumSet.copyOf(IncidentPolicy.DEFAULT.postmortemRequired());
        Optional<Fields> postmortem = fields.child("postmortem");
        if (postmortem.isPresent()) {
            within = duration(postmortem.get(), "within", problems).orElse(within);
            Optional<Node> list = postmortem.get().map().get("required_for");
            if (list.isPresent()) {
                required = EnumSet.noneOf(IncidentSeverity.class);
                for (String name : postmortem.get().map().list("required_for").orElseThrow().items().stream()
                        .map(item -> ((ScalarNode) item).text()).toList()) {
                    required.add(IncidentSeverity.valueOf(name));
                }
            }
        }
        IntakeRules intake = fields.child("intake").map(section -> intake(section, problems))
                .orElse(IntakeRules.DEFAULT);
        List<NotificationTarget> notifications = new ArrayList<>();
        fields.children("notifications").ifPresent(list -> list.forEach(item ->
                target(item, environment, problems).ifPresent(notifications::add)));
        Set<String> names = new HashSet<>();
        for (NotificationTarget target : notifications) {
            if (!names.add(target.name())) {
                problems.error(root.locationOf("notifications"), "two notification targets are named \""
                        + target.name() + "\"", "unique names", "");
            }
        }
        List<String> allowedHosts = fields.child("server").flatMap(server -> server.map().list("allowed_hosts"))
                .map(list -> list.items().stream().map(item -> ((ScalarNode) item).text().strip()).toList())
                .orElse(List.of());
        if (problems.hasErrors()) {
            throw new InputException(problems.sorted());
        }
        return new IncidentSettings(new IncidentPolicy(targets, within, required), intake, notifications,
                allowedHosts);
    }

    private static IntakeRules intake(Fields section, Problems problems) {
        IntakeRules defaults = IntakeRules.DEFAULT;
        List<String> groupBy = section.map().list("group_by").map(list -> list.items().stream()
                .map(item -> ((ScalarNode) item).text()).toList()).orElse(defaults.groupBy());
        Duration window = duration(section, "window", problems).orElse(defaults.window());
        String label = defaults.severityLabel();
        Map<String, IncidentSeverity> map = defaults.severityMap();
        IncidentSeverity fallback = defaults.defaultSeverity();
        Optional<Fields> severity = section.child("severity");
        if (severity.isPresent()) {
            label = severity.get().text("label", "a label name").orElse(label);
            if (severity.get().map().has("map")) {
                map = new LinkedHashMap<>();
                for (Map.Entry<String, String> entry : severity.get().textMap("map").entrySet()) {
                    map.put(entry.getKey(), IncidentSeverity.valueOf(entry.getValue()));
                }
            }
            fallback = severity.get().text("default", "SEV1, SEV2, SEV3 or SEV4").map(IncidentSeverity::valueOf)
                    .orElse(fallback);
        }
        return new IntakeRules(groupBy.isEmpty() ? defaults.groupBy() : groupBy, window, label, map, fallback);
    }

    private static Optional<NotificationTarget> target(Fields item, Map<String, String> environment,
                                                       Problems problems) {
        String name = item.text("name", "a name").orElse("");
        NotificationTarget.Kind kind = item.text("type", "slack, mattermost, teams or webhook")
                .map(text -> NotificationTarget.Kind.valueOf(text.toUpperCase(Locale.ROOT)))
                .orElse(NotificationTarget.Kind.WEBHOOK);
        Optional<String> url = item.text("url", "a URL");
        Optional<String> urlEnv = item.text("url_env", "an environment variable name");
        if (url.isEmpty() && urlEnv.isPresent()) {
            url = Optional.ofNullable(environment.get(urlEnv.get())).filter(value -> !value.isBlank());
            if (url.isEmpty()) {
                problems.error(item.valueLocation("url_env"), "the environment variable " + urlEnv.get()
                        + " is not set", "the webhook URL in " + urlEnv.get(), "");
                return Optional.empty();
            }
        }
        if (url.isEmpty()) {
            problems.error(item.map().location(), "notification target \"" + name + "\" has no url",
                    "url or url_env", "");
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.get().strip());
        } catch (URISyntaxException bad) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getHost() == null) {
            // Never echo the URL: a chat webhook URL is a credential.
            problems.error(item.valueLocation(urlEnv.isPresent() && !item.map().has("url") ? "url_env" : "url"),
                    "notification target \"" + name + "\" has a URL that is not an http(s) URL",
                    "https://host/path", "");
            return Optional.empty();
        }
        Optional<String> secret = Optional.empty();
        Optional<String> secretEnv = item.text("secret_env", "an environment variable name");
        if (secretEnv.isPresent()) {
            secret = Optional.ofNullable(environment.get(secretEnv.get())).filter(value -> !value.isBlank());
            if (secret.isEmpty()) {
                problems.error(item.valueLocation("secret_env"), "the environment variable " + secretEnv.get()
                        + " is not set", "the signing secret in " + secretEnv.get(), "");
                return Optional.empty();
            }
        }
        Set<NotificationTarget.Event> events = EnumSet.noneOf(NotificationTarget.Event.class);
        item.map().list("events").ifPresent(list -> list.items().forEach(event -> events.add(
                NotificationTarget.Event.valueOf(((ScalarNode) event).text().toUpperCase(Locale.ROOT)))));
        IncidentSeverity min = item.text("min_severity", "SEV1, SEV2, SEV3 or SEV4").map(IncidentSeverity::valueOf)
                .orElse(IncidentSeverity.SEV4);
        return Optional.of(new NotificationTarget(name, kind, uri, secret, events, min));
    }

    private static Optional<Duration> duration(Fields fields, String key, Problems problems) {
        return fields.map().get(key).flatMap(node -> {
            String text = node instanceof ScalarNode scalar ? scalar.text() : "";
            Parsed<Duration> parsed = Durations.parse(text);
            parsed.orReport(problems, node.location());
            Optional<Duration> value = parsed.asOptional();
            if (value.isPresent() && !value.get().isPositive()) {
                problems.error(node.location(), key + " must be positive", "a duration such as 15m", "");
                return Optional.empty();
            }
            return value;
        });
    }
}
