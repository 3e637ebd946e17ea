package io.relia.chaos.experiment;

import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.value.Durations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Chaos Toolkit experiment (JSON or YAML; chaostoolkit-lib 1.45 {@code experiment.py}) into an
 * {@link Experiment}. Relia's extensions sit under {@code x-relia} or an {@code extensions} entry named
 * {@code relia}. Python providers and secrets are refused with a located error.
 */
public final class ChaosToolkitReader {

    private static final List<String> KEYS = List.of("title", "description", "tags", "contributions",
            "configuration", "secrets", "extensions", "controls", "steady-state-hypothesis", "method", "rollbacks",
            "runtime", "version", "x-relia");

    private ChaosToolkitReader() {
    }

    /** A Chaos Toolkit experiment: {@code title} and {@code method} at the top. */
    public static boolean accepts(MapNode root) {
        return root.has("title") && root.has("method") && !root.has("experiment");
    }

    /** Reads {@code root}; problems (located) go to {@code problems}; empty when there are errors. */
    public static Optional<Experiment> read(MapNode root, Path source, Map<String, String> env, Problems problems) {
        long errorsBefore = problems.errorCount();
        MapNode written = root;
        Fields file = new Fields(root, problems, "").known(KEYS);
        Optional<String> title = file.requireText("title", "what the experiment is called");
        Optional<String> description = file.requireText("description", "what the experiment verifies");
        List<String> tags = new ArrayList<>();
        root.get("tags").ifPresent(node -> {
            if (node instanceof ListNode list) {
                list.items().forEach(item -> {
                    if (item instanceof ScalarNode scalar && !scalar.text().isBlank()) {
                        tags.add(scalar.text());
                    } else {
                        problems.error(item.location(), "a tag is " + item.describe(), "a non-empty string", "");
                    }
                });
            } else {
                problems.error(node.location(), "\"tags\" is " + node.describe(), "a list of strings", "");
            }
        });
        warnControls(root, problems);
        Map<String, Object> configuration = new java.util.LinkedHashMap<>(file.child("configuration")
                .map(child -> Plain.configuration(child.map(), env, problems)).orElse(Map.of()));
        secrets(root, env, problems).forEach(configuration::putIfAbsent);
        Plain plain = new Plain(configuration, problems);
        root = resolved(root, plain);
        file = new Fields(root, problems, "");
        Optional<Fields> extensionFields = extensions(file, root, problems);
        Extensions extensions = extensionFields.map(fields -> {
            fields.known(Extensions.KEYS);
            return Extensions.read(fields, plain);
        }).orElse(Extensions.NONE);
        ActivityReader activities = new ActivityReader(plain, problems, extensions, env);
        activities.knowing(firstReading(root, configuration, env, extensions));
        List<Activity> hypothesis = file.child("steady-state-hypothesis").map(child -> {
            child.known(List.of("title", "probes", "controls"));
            warnControls(child.map(), problems);
            return child.map().get("probes").map(node -> activities.list(node, "steady-state-hypothesis.probes",
                    true)).orElse(List.of());
        }).orElse(List.of());
        List<Activity> method = root.get("method").map(node -> activities.list(node, "method", false))
                .orElse(List.of());
        if (!root.has("method")) {
            problems.error(root.location(), "missing key \"method\"", "a list of activities (may be empty)", "");
        }
        List<Activity> rollbacks = root.get("rollbacks").map(node -> activities.list(node, "rollbacks", false))
                .orElse(List.of());
        Strategies strategies = file.child("runtime").map(ChaosToolkitReader::runtime).orElse(Strategies.DEFAULT);
        if (extensionFields.filter(fields -> fields.map().has("traffic")).isEmpty()) {
            TrafficNeed.check(hypothesis, List.of(), extensions.abort(), extensions.traffic(), source, problems);
        }
        if (title.isEmpty() || description.isEmpty() || problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        Experiment experiment = new Experiment(title.get(), description.get(), tags, Experiment.Format.CHAOS_TOOLKIT,
                configuration, hypothesis, method, rollbacks, List.of(), extensions.abort(), strategies,
                extensions.scope(), extensions.proxies(), extensions.traffic(), extensions.metrics(), extensions.prometheus(),
                Optional.empty(), source, asMap(Plain.raw(written)));
        BlastRadius.check(experiment, problems);
        return problems.errorCount() > errorsBefore ? Optional.empty() : Optional.of(experiment);
    }

    /**
     * Chaos Toolkit's {@code secrets} ({@code {scope: {name: value or {type: env, key}}}}): their names are
     * substituted like configuration ({@code ${name}}), read as configuration is; other types are runner limits.
     */
    private static Map<String, Object> secrets(MapNode root, Map<String, String> env, Problems problems) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        Optional<Node> secrets = root.get("secrets");
        if (secrets.isEmpty()) {
            return out;
        }
        if (!(secrets.get() instanceof MapNode scopes)) {
            problems.error(secrets.get().location(), "\"secrets\" is " + secrets.get().describe(),
                    "a mapping of scopes, each a mapping of names to values", "");
            return out;
        }
        scopes.entries().forEach((scope, entry) -> {
            if (entry.value() instanceof MapNode values) {
                Plain.configuration(values, env, problems).forEach(out::putIfAbsent);
            } else {
                problems.error(entry.value().location(), "secrets scope \"" + scope + "\" is "
                        + entry.value().describe(), "a mapping of names to values", "");
            }
        });
        return out;
    }

    /** Every activity read once, its problems dropped (the real reading reports them), to resolve refs. */
    private static ActivityReader firstReading(MapNode root, Map<String, Object> configuration,
                                               Map<String, String> env, Extensions extensions) {
        Problems ignored = new Problems();
        ActivityReader reader = new ActivityReader(new Plain(configuration, ignored), ignored, extensions, env);
        root.map("steady-state-hypothesis").flatMap(hypothesis -> hypothesis.get("probes"))
                .ifPresent(node -> reader.list(node, "steady-state-hypothesis.probes", true));
        root.get("method").ifPresent(node -> reader.list(node, "method", false));
        root.get("rollbacks").ifPresent(node -> reader.list(node, "rollbacks", false));
        return reader;
    }

    /** Chaos Toolkit controls are Python hooks: Relia does not run them, and says so where they are declared. */
    static void warnControls(MapNode map, Problems problems) {
        Optional<Node> controls = map.get("controls");
        if (controls.isEmpty()) {
            return;
        }
        String hint = "Chaos Toolkit runs controls (Python hooks) around the experiment and its activities; Relia "
                + "runs the activities without them";
        if (!(controls.get() instanceof ListNode list) || list.items().isEmpty()) {
            problems.warning(map.locationOf("controls"), "controls are not run by Relia", "", hint);
            return;
        }
        for (Node control : list.items()) {
            MapNode entry = control instanceof MapNode mapNode ? mapNode : new MapNode(Map.of(), control.location());
            String name = entry.text("name").orElse("(unnamed)");
            String module = entry.map("provider").flatMap(provider -> provider.text("module")).orElse("");
            problems.warning(control.location(), "control \"" + name + "\"" + (module.isEmpty() ? ""
                    : " (provider module " + module + ")") + " is not run by Relia", "", hint);
        }
    }

    /** The document with configuration references substituted everywhere but in the configuration itself. */
    private static MapNode resolved(MapNode root, Plain plain) {
        Map<String, MapNode.Entry> entries = new java.util.LinkedHashMap<>();
        root.entries().forEach((key, entry) -> entries.put(key, key.equals("configuration") ? entry
                : new MapNode.Entry(entry.key(), plain.resolve(entry.value()))));
        return new MapNode(entries, root.location());
    }

    private static Optional<Fields> extensions(Fields file, MapNode root, Problems problems) {
        Optional<Fields> own = file.child("x-relia");
        if (own.isPresent()) {
            return own;
        }
        Optional<Node> list = root.get("extensions");
        if (list.isPresent() && list.get() instanceof ListNode entries) {
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i) instanceof MapNode entry && entry.text("name").filter("relia"::equals).isPresent()) {
                    return Optional.of(new Fields(withoutName(entry), problems, "extensions[" + i + "]"));
                }
            }
        }
        return Optional.empty();
    }

    private static MapNode withoutName(MapNode entry) {
        Map<String, MapNode.Entry> entries = new java.util.LinkedHashMap<>(entry.entries());
        entries.remove("name");
        return new MapNode(entries, entry.location());
    }

    private static Strategies runtime(Fields runtime) {
        runtime.known(List.of("hypothesis", "rollbacks"));
        Strategies.Hypothesis hypothesis = Strategies.Hypothesis.DEFAULT;
        Duration frequency = Duration.ofSeconds(1);
        Strategies.Rollbacks rollbacks = Strategies.Rollbacks.DEFAULT;
        Optional<Fields> hypothesisFields = runtime.child("hypothesis");
        if (hypothesisFields.isPresent()) {
            Fields fields = hypothesisFields.get().known(List.of("strategy", "frequency", "fail_fast"));
            hypothesis = fields.text("strategy", "a hypothesis strategy").flatMap(id -> enumValue(id,
                    Strategies.Hypothesis.parse(id), List.of(Strategies.Hypothesis.values()).stream()
                            .map(Strategies.Hypothesis::id).toList(), fields, "strategy"))
                    .orElse(Strategies.Hypothesis.DEFAULT);
            frequency = fields.map().get("frequency").flatMap(node -> node instanceof ScalarNode scalar
                    && scalar.asNumber().isPresent()
                    ? Optional.of(Duration.ofMillis(scalar.asNumber().get().movePointRight(3).longValue()))
                    : Durations.parse(node instanceof ScalarNode s ? s.text() : "").orReport(fields.problems(),
                    node.location())).filter(value -> !value.isZero()).orElse(frequency);
        }
        Optional<Fields> rollbackFields = runtime.child("rollbacks");
        if (rollbackFields.isPresent()) {
            Fields fields = rollbackFields.get().known(List.of("strategy"));
            rollbacks = fields.text("strategy", "a rollback strategy").flatMap(id -> enumValue(id,
                    Strategies.Rollbacks.parse(id), List.of(Strategies.Rollbacks.values()).stream()
                            .map(Strategies.Rollbacks::id).toList(), fields, "strategy"))
                    .orElse(Strategies.Rollbacks.DEFAULT);
        }
        return new Strategies(hypothesis, frequency, rollbacks);
    }

    private static <T> Optional<T> enumValue(String id, Optional<T> parsed, List<String> ids, Fields fields,
                                             String key) {
        if (parsed.isEmpty()) {
            fields.problems().error(fields.valueLocation(key), "unknown " + key + " \"" + id + "\"",
                    String.join(", ", ids), io.relia.core.spec.Suggestions.closest(id, ids)
                            .map(best -> "did you mean \"" + best + "\"?").orElse(""));
        }
        return parsed;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
