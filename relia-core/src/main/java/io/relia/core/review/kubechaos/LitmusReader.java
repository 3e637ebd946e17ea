package io.relia.core.review.kubechaos;

import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LitmusChaos objects ({@code litmuschaos.io/v1alpha1}): a ChaosEngine runs {@code spec.experiments[].name} against
 * {@code spec.appinfo} (appns, applabel, appkind) for {@code TOTAL_CHAOS_DURATION} seconds; a ChaosSchedule wraps an
 * engine ({@code spec.engineTemplateSpec}) with {@code spec.schedule}; a ChaosResult records
 * {@code status.experimentStatus.verdict} (Pass, Fail, Awaited, Stopped) for {@code spec.engine}. A ChaosExperiment
 * is a fault's definition, not a run, and an Argo Workflow Litmus generated is listed with its steps.
 */
final class LitmusReader {

    private LitmusReader() {
    }

    /** A ChaosResult's verdict, keyed by the engine and experiment it belongs to. */
    record Verdict(String engine, String experiment, String verdict) {

        boolean failed() {
            return verdict.equalsIgnoreCase("Fail");
        }
    }

    static Optional<Verdict> verdict(MapNode object) {
        if (!object.text("kind").orElse("").equals("ChaosResult")) {
            return Optional.empty();
        }
        Optional<String> verdict = object.map("status").flatMap(status -> status.map("experimentStatus"))
                .flatMap(status -> status.text("verdict"));
        MapNode spec = object.map("spec").orElse(new MapNode(Map.of(), object.location()));
        return verdict.map(found -> new Verdict(spec.text("engine").orElse(""), spec.text("experiment").orElse(""),
                found));
    }

    /** The experiment an object declares; empty for ChaosExperiment definitions and ChaosResults. */
    static Optional<OperatorExperiment> read(MapNode object, List<Verdict> verdicts) {
        String kind = object.text("kind").orElse("");
        String name = object.map("metadata").flatMap(metadata -> metadata.text("name")).orElse(kind);
        MapNode spec = object.map("spec").orElse(new MapNode(Map.of(), object.location()));
        return switch (kind) {
            case "ChaosEngine" -> Optional.of(engine(kind, name, object, spec, spec, "engineState "
                    + spec.text("engineState").orElse("active") + ", once", verdicts));
            case "ChaosSchedule" -> {
                MapNode engine = spec.map("engineTemplateSpec").orElse(spec);
                yield Optional.of(engine(kind, name, object, spec, engine, schedule(spec), verdicts));
            }
            case "Workflow", "CronWorkflow" -> Optional.of(workflow(kind, name, object, spec));
            default -> Optional.empty();
        };
    }

    private static OperatorExperiment engine(String kind, String name, MapNode object, MapNode spec,
                                             MapNode engine, String when, List<Verdict> verdicts) {
        List<String> faults = new ArrayList<>();
        List<String> durations = new ArrayList<>();
        engine.list("experiments").map(ListNode::items).orElse(List.of()).forEach(item -> {
            if (item instanceof MapNode experiment) {
                experiment.text("name").ifPresent(faults::add);
                env(experiment, "TOTAL_CHAOS_DURATION").ifPresent(seconds -> durations.add(seconds + "s"));
            }
        });
        List<Verdict> own = verdicts.stream().filter(verdict -> verdict.engine().equals(name)).toList();
        Optional<String> last = own.isEmpty() ? engineVerdicts(object) : Optional.of(String.join(", ", own.stream()
                .map(verdict -> verdict.experiment() + " " + verdict.verdict()).toList()) + " (ChaosResult)");
        boolean failed = own.stream().anyMatch(Verdict::failed) || last.map(text -> text.contains("Fail"))
                .orElse(false);
        return new OperatorExperiment("LitmusChaos", kind, name, object.location(), faults, targets(engine),
                when + (durations.isEmpty() ? "" : ", for " + String.join(", ", durations)), last, failed);
    }

    /** A ChaosEngine's own status: {@code status.experiments[].verdict}. */
    private static Optional<String> engineVerdicts(MapNode object) {
        List<String> found = new ArrayList<>();
        object.map("status").flatMap(status -> status.list("experiments")).map(ListNode::items).orElse(List.of())
                .forEach(item -> {
                    if (item instanceof MapNode experiment && experiment.text("verdict").isPresent()) {
                        found.add(experiment.text("name").orElse("experiment") + " "
                                + experiment.text("verdict").get());
                    }
                });
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
    }

    private static String targets(MapNode engine) {
        Optional<MapNode> app = engine.map("appinfo");
        List<String> parts = new ArrayList<>();
        app.flatMap(info -> info.text("appns")).filter(text -> !text.isBlank())
                .ifPresent(ns -> parts.add("namespace " + ns));
        app.flatMap(info -> info.text("applabel")).filter(text -> !text.isBlank())
                .ifPresent(label -> parts.add("labels " + label));
        app.flatMap(info -> info.text("appkind")).filter(text -> !text.isBlank())
                .ifPresent(kind -> parts.add("kind " + kind));
        return parts.isEmpty() ? "(no appinfo: targets from the experiment's env)" : String.join(", ", parts);
    }

    /** {@code spec.schedule}: {@code now}, {@code once} at a time, or {@code repeat} with its properties. */
    private static String schedule(MapNode spec) {
        Optional<MapNode> schedule = spec.map("schedule");
        if (schedule.isEmpty()) {
            return "(no schedule)";
        }
        if (schedule.get().has("now")) {
            return "now";
        }
        if (schedule.get().map("once").isPresent()) {
            return "once at " + schedule.get().map("once").flatMap(once -> once.text("executionTime")).orElse("?");
        }
        return schedule.get().map("repeat").map(repeat -> "repeat" + repeat.map("properties")
                .flatMap(properties -> properties.text("minChaosInterval")).map(interval -> " every " + interval)
                .orElse("") + repeat.map("workDays").flatMap(days -> days.text("includedDays"))
                .map(days -> " on " + days).orElse("")).orElse("scheduled");
    }

    private static Optional<String> env(MapNode experiment, String name) {
        return experiment.map("spec").flatMap(spec -> spec.map("components")).flatMap(components ->
                components.list("env")).map(ListNode::items).orElse(List.of()).stream()
                .filter(item -> item instanceof MapNode variable && variable.text("name").orElse("").equals(name))
                .map(item -> ((MapNode) item).text("value").orElse("")).filter(value -> !value.isBlank())
                .findFirst();
    }

    private static OperatorExperiment workflow(String kind, String name, MapNode object, MapNode spec) {
        List<String> steps = spec.list("templates").map(ListNode::items).orElse(List.of()).stream()
                .flatMap(item -> item instanceof MapNode template ? template.text("name").stream()
                        : java.util.stream.Stream.empty())
                .filter(step -> !step.equals(spec.text("entrypoint").orElse(""))).toList();
        return new OperatorExperiment("LitmusChaos", "Argo " + kind, name, object.location(), steps,
                "(in the steps' ChaosEngines)", spec.text("schedule").map(cron -> "cron " + cron).orElse("once"),
                Optional.empty(), false);
    }
}
