package io.relia.chaos.experiment;

import io.relia.core.Location;
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
import java.util.stream.Stream;

/**
 * Reads Relia's native experiment ({@code schemas/chaos-experiment.schema.json}; seed 002's
 * {@code experiment: {name, hypothesis, method, rollback, verification}} and {@code schedule:}). Each method step
 * becomes a Toxiproxy toxic (or a disabled proxy) on the proxy named after {@code target.service}, held for its
 * {@code duration}; the steady state is measured by the built-in traffic source ({@code traffic:}).
 */
public final class NativeExperimentReader {

    /** Metrics the built-in traffic source measures: latencies in ms, error rate as ratio 0..1, throughput req/s. */
    public static final List<String> TRAFFIC_METRICS = List.of("p50_latency", "p90_latency", "p95_latency",
            "p99_latency", "error_rate", "throughput");

    private static final List<String> KEYS = Stream.concat(Stream.of("name", "description", "tags", "hypothesis",
            "method", "rollback", "verification"), Extensions.KEYS.stream()).toList();

    private NativeExperimentReader() {
    }

    /** A native experiment: a top-level {@code experiment:} mapping. */
    public static boolean accepts(MapNode root) {
        return root.get("experiment").filter(node -> node instanceof MapNode).isPresent();
    }

    /** Reads {@code root}; problems (located) go to {@code problems}; empty when there are errors. */
    public static Optional<Experiment> read(MapNode root, Path source, Problems problems) {
        long errorsBefore = problems.errorCount();
        Fields file = new Fields(root, problems, "").known(List.of("experiment", "schedule"));
        Fields fields = file.child("experiment").orElseThrow().known(KEYS);
        Plain plain = new Plain(Map.of(), problems);
        Optional<String> name = fields.requireText("name", "what the experiment is called");
        String description = fields.text("description", "what it verifies").orElse("");
        Extensions extensions = Extensions.read(fields, plain);
        List<Activity> hypothesis = new ArrayList<>();
        Optional<Fields> hypothesisFields = fields.child("hypothesis");
        hypothesisFields.ifPresent(h -> {
            h.known(List.of("steady_state", "expected_behavior"));
            h.map().get("steady_state").ifPresent(node -> Extensions.conditions(node, "experiment.hypothesis"
                    + ".steady_state", problems).forEach(condition -> hypothesis.add(metricProbe("steady state",
                    condition, node.location(), extensions, problems))));
        });
        String expected = hypothesisFields.flatMap(h -> h.text("expected_behavior", "a sentence")).orElse("");
        List<Activity> method = new ArrayList<>();
        List<Activity> rollbacks = new ArrayList<>();
        Optional<Node> methodNode = fields.map().get("method");
        if (methodNode.isEmpty()) {
            problems.error(fields.map().location(), "missing key \"experiment.method\"", "a fault step or a list of "
                    + "them: {type: network-latency, target: {service}, latency, duration}", "");
        } else {
            List<Fields> steps = switch (methodNode.get()) {
                case MapNode single -> List.of(new Fields(single, problems, "experiment.method"));
                case ListNode list -> fields.children("method").orElse(List.of());
                case ScalarNode scalar -> {
                    problems.error(scalar.location(), "\"experiment.method\" is " + scalar.describe(),
                            "a fault step or a list of them", "");
                    yield List.of();
                }
            };
            for (int i = 0; i < steps.size(); i++) {
                FaultStep.read(steps.get(i), i, steps.size(), extensions.admin()).ifPresent(step -> {
                    method.add(step.inject());
                    method.add(step.remove());
                    rollbacks.add(step.remove());
                });
            }
        }
        List<Condition> abort = new ArrayList<>(extensions.abort());
        boolean automatic = true;
        Optional<Fields> rollback = fields.child("rollback");
        if (rollback.isPresent()) {
            rollback.get().known(List.of("automatic", "trigger"));
            automatic = rollback.get().bool("automatic").orElse(true);
            rollback.get().map().get("trigger").ifPresent(node -> abort.addAll(Extensions.conditions(node,
                    "experiment.rollback.trigger", problems)));
        }
        abort.replaceAll(condition -> condition.withMetric(resolveMetric(condition.metric(), extensions)));
        abort.forEach(condition -> checkMeasurable(condition.metric(), fields.locationOf("rollback"), extensions,
                problems));
        List<Activity> verification = new ArrayList<>();
        fields.children("verification").orElse(List.of()).forEach(check -> verification(check, extensions)
                .ifPresent(verification::add));
        Optional<Schedule> schedule = file.child("schedule").flatMap(NativeExperimentReader::schedule);
        if (!fields.map().has("traffic")) {
            TrafficNeed.check(hypothesis, verification, abort, extensions.traffic(), source, problems);
        }
        if (name.isEmpty() || problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        Experiment experiment = new Experiment(name.get(), description.isEmpty() ? expected : description,
                tags(fields), Experiment.Format.NATIVE, Map.of(), hypothesis, method,
                automatic ? rollbacks : List.of(), verification, abort, Strategies.DEFAULT, extensions.scope(),
                extensions.proxies(), extensions.traffic(), extensions.metrics(), extensions.prometheus(), schedule, source,
                ChaosToolkitReader.asMap(Plain.raw(root)));
        BlastRadius.check(experiment, problems);
        return problems.errorCount() > errorsBefore ? Optional.empty() : Optional.of(experiment);
    }

    private static List<String> tags(Fields fields) {
        return fields.map().list("tags").map(list -> list.items().stream().filter(ScalarNode.class::isInstance)
                .map(item -> ((ScalarNode) item).text()).toList()).orElse(List.of());
    }

    private static Activity metricProbe(String prefix, Condition written, Location location, Extensions extensions,
                                        Problems problems) {
        Condition condition = written.withMetric(resolveMetric(written.metric(), extensions));
        checkMeasurable(condition.metric(), location, extensions, problems);
        return Activity.probe(prefix + ": " + condition.format(), new Provider.Metric(condition.metric()),
                new Tolerance.Meets(condition), location);
    }

    private static Optional<Activity> verification(Fields check, Extensions extensions) {
        check.known(List.of("metric", "threshold", "expected"));
        Optional<String> metric = check.requireText("metric", "a metric name such as error_rate");
        if (metric.isEmpty()) {
            return Optional.empty();
        }
        Optional<Condition> condition;
        if (check.map().has("threshold")) {
            condition = check.text("threshold", "a threshold such as \"< 1%\"").flatMap(text -> ConditionParser
                    .parseThreshold(metric.get(), text).orReport(check.problems(), check.valueLocation("threshold")));
        } else if (check.map().has("expected")) {
            condition = check.text("expected", "the expected value").flatMap(text -> ConditionParser
                    .parseThreshold(metric.get(), text).orReport(check.problems(), check.valueLocation("expected")));
        } else {
            check.problems().error(check.map().location(), "verification of \"" + metric.get() + "\" has neither "
                    + "threshold nor expected", "threshold: \"< 1%\" or expected: true", "");
            condition = Optional.empty();
        }
        return condition.map(written -> metricProbe("verification", written, check.map().location(), extensions,
                check.problems()));
    }

    /** {@code checkout_p99_latency} → {@code p99_latency}: a service qualifier before a traffic metric is dropped. */
    static String resolveMetric(String metric, Extensions extensions) {
        if (TRAFFIC_METRICS.contains(metric) || extensions.metrics().containsKey(metric)) {
            return metric;
        }
        return TRAFFIC_METRICS.stream().filter(known -> metric.endsWith("_" + known)).findFirst().orElse(metric);
    }

    private static void checkMeasurable(String metric, Location location, Extensions extensions, Problems problems) {
        if (!TRAFFIC_METRICS.contains(metric) && !extensions.metrics().containsKey(metric)) {
            problems.warning(location, "metric \"" + metric + "\" is not measured by the traffic source and not "
                    + "declared under metrics", String.join(", ", TRAFFIC_METRICS) + " or a metrics: entry",
                    io.relia.core.spec.Suggestions.closest(metric, TRAFFIC_METRICS)
                            .map(best -> "did you mean \"" + best + "\"?")
                            .orElse("declare it as metrics: {" + metric + ": <PromQL>} with prometheus: URL; "
                                    + "until then it is reported as not measured"));
        }
    }

    private static Optional<Schedule> schedule(Fields fields) {
        fields.known(List.of("environment", "frequency", "notification"));
        String environment = fields.text("environment", "where it runs").orElse("");
        String frequency = fields.text("frequency", "daily, weekly, monthly or a duration").orElse("");
        Optional<Duration> period = switch (frequency.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "" -> Optional.empty();
            case "hourly" -> Optional.of(Duration.ofHours(1));
            case "daily" -> Optional.of(Duration.ofDays(1));
            case "weekly" -> Optional.of(Duration.ofDays(7));
            case "monthly" -> Optional.of(Duration.ofDays(30));
            default -> Durations.parse(frequency).orReport(fields.problems(), fields.valueLocation("frequency"));
        };
        return Optional.of(new Schedule(environment, frequency, period, fields.text("notification",
                "a channel").orElse("")));
    }
}
