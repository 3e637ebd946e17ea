package io.relia.load.scenario;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.MapNode;
import io.relia.core.value.Durations;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a scenario's {@code load:} mapping: exactly one of rate + duration, stages (+ start_rate), or closed. */
final class LoadProfiles {

    private static final String SHAPES = "one load shape: rate + duration (constant), stages (+ start_rate) "
            + "(ramping) or closed: {duration, think_time} (fixed concurrency)";
    private static final List<String> SHAPE_KEYS = List.of("rate", "stages", "closed");

    private LoadProfiles() {
    }

    static Optional<LoadProfile> read(Fields load) {
        Problems problems = load.problems();
        Optional<Problem> shapeProblem = shapeProblem(load.map());
        if (shapeProblem.isPresent()) {
            problems.add(shapeProblem.get());
            return Optional.empty();
        }
        long errorsBefore = problems.errorCount();
        String shape = SHAPE_KEYS.stream().filter(load.map()::has).findFirst().orElseThrow();
        if (!shape.equals("rate") && load.map().has("duration")) {
            misplaced(load, "duration", shape.equals("closed") ? "closed.duration" : "a duration per stage");
        }
        if (!shape.equals("stages") && load.map().has("start_rate")) {
            misplaced(load, "start_rate", "stages");
        }
        Optional<LoadProfile> profile = switch (shape) {
            case "rate" -> constant(load);
            case "stages" -> ramping(load);
            default -> closed(load.child("closed").orElseThrow());
        };
        return problems.errorCount() > errorsBefore ? Optional.empty() : profile;
    }

    /**
     * Why {@code load} does not have exactly one shape, if it does not. The schema says the same with {@code oneOf},
     * which validators word poorly; the reader reports this instead.
     */
    static Optional<Problem> shapeProblem(MapNode load) {
        List<String> shapes = SHAPE_KEYS.stream().filter(load::has).toList();
        if (shapes.isEmpty()) {
            return Optional.of(Problem.error(load.location(), "\"load\" has no load shape", SHAPES,
                    "e.g. {rate: 100, duration: 60s}"));
        }
        if (shapes.size() > 1) {
            return Optional.of(Problem.error(load.locationOf(shapes.get(1)), "\"load\" has both " + shapes.get(0)
                    + " and " + shapes.get(1), SHAPES, "write one scenario per shape"));
        }
        return Optional.empty();
    }

    private static void misplaced(Fields load, String key, String instead) {
        load.problems().error(load.locationOf(key), "\"load." + key + "\" does not go with this load shape",
                SHAPES, "use " + instead);
    }

    private static Optional<LoadProfile> constant(Fields load) {
        double rate = load.number("rate", "requests per second").map(BigDecimal::doubleValue).orElse(1.0);
        Optional<Duration> duration = positive(load, "duration", "the time to send at this rate, such as 60s");
        return duration.map(d -> new LoadProfile.Constant(rate, d));
    }

    private static Optional<LoadProfile> ramping(Fields load) {
        double startRate = load.number("start_rate", "requests per second").map(BigDecimal::doubleValue).orElse(0.0);
        List<LoadProfile.Stage> stages = new ArrayList<>();
        boolean complete = true;
        for (Fields stage : load.children("stages").orElse(List.of())) {
            double target = stage.number("target", "requests per second").map(BigDecimal::doubleValue).orElse(0.0);
            Optional<Duration> duration = positive(stage, "duration", "the time to reach the target, such as 30s");
            duration.ifPresent(d -> stages.add(new LoadProfile.Stage(target, d)));
            complete &= duration.isPresent();
        }
        boolean anyTraffic = startRate > 0 || stages.stream().anyMatch(stage -> stage.target() > 0);
        if (complete && !anyTraffic) {
            load.problems().error(load.locationOf("stages"), "every stage's target is 0 and so is start_rate",
                    "a stage with a positive target", "the run would send nothing");
            return Optional.empty();
        }
        return complete ? Optional.of(new LoadProfile.Ramping(startRate, stages)) : Optional.empty();
    }

    private static Optional<LoadProfile> closed(Fields closed) {
        Optional<Duration> duration = positive(closed, "duration", "the time to run, such as 30s");
        Duration thinkTime = ScenarioReader.duration(closed, "think_time").orElse(Duration.ZERO);
        return duration.map(d -> new LoadProfile.Closed(d, thinkTime));
    }

    private static Optional<Duration> positive(Fields fields, String key, String expected) {
        Optional<Duration> duration = fields.requireText(key, expected).flatMap(text -> Durations.parse(text)
                .orReport(fields.problems(), fields.valueLocation(key)));
        if (duration.isPresent() && duration.get().isZero()) {
            Location at = fields.valueLocation(key);
            fields.problems().error(at, "\"" + fields.where() + "." + key + "\" is zero", expected, "");
            return Optional.empty();
        }
        return duration;
    }
}
