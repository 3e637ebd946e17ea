package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.BlastRadius;
import io.relia.chaos.experiment.Condition;
import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.TrafficNeed;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.value.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a run would do ({@code --dry-run}: validate and show the plan, execute nothing), and the checks that make an
 * experiment runnable: the blast radius, and a traffic source for the metrics that need one.
 */
public final class Plan {

    private Plan() {
    }

    /** Problems that stop a run before anything executes; empty when runnable. */
    public static List<Problem> problems(Experiment experiment) {
        Problems problems = new Problems();
        BlastRadius.check(experiment, problems);
        TrafficNeed.check(experiment, problems);
        return problems.sorted();
    }

    /** The plan as lines for people, in execution order. */
    public static List<String> describe(Experiment experiment) {
        List<String> lines = new ArrayList<>();
        lines.add("Experiment: " + experiment.title() + " (" + experiment.source() + ")");
        experiment.traffic().ifPresent(traffic -> lines.add("Traffic: " + traffic.method() + " " + traffic.url()
                + " at " + traffic.rate() + " req/s, timeout " + Durations.format(traffic.timeout()) + ", window "
                + Durations.format(traffic.window())));
        if (!experiment.abortWhen().isEmpty()) {
            lines.add("Abort when: " + String.join(" or ", experiment.abortWhen().stream().map(Condition::format)
                    .toList()));
        }
        Strategies strategies = new Strategies(experiment);
        if (strategies.before() && !experiment.hypothesis().isEmpty()) {
            lines.add("1. Steady state before:");
            experiment.hypothesis().forEach(probe -> lines.add("   - " + describe(probe)));
        }
        lines.add("2. Method:");
        experiment.method().forEach(activity -> lines.add("   - " + describe(activity)));
        if (!experiment.verification().isEmpty()) {
            lines.add("   At the end of each fault window, verify:");
            experiment.verification().forEach(probe -> lines.add("     - " + describe(probe)));
        }
        if (strategies.after() && !experiment.hypothesis().isEmpty()) {
            lines.add("3. Steady state after: the same probes");
        }
        lines.add("4. Rollbacks (" + experiment.strategies().rollbacks().id() + "):");
        experiment.rollbacks().forEach(activity -> lines.add("   - " + describe(activity)));
        lines.add("   then undo any proxy or process change left over");
        experiment.schedule().ifPresent(schedule -> lines.add("Schedule: " + schedule.frequency() + " in "
                + schedule.environment() + (schedule.notification().isEmpty() ? "" : ", notify "
                + schedule.notification())));
        return lines;
    }

    private static String describe(Activity activity) {
        StringBuilder line = new StringBuilder(activity.kind().id()).append(" \"").append(activity.name())
                .append("\": ").append(activity.provider().describe());
        activity.tolerance().ifPresent(tolerance -> line.append(" (expect ").append(tolerance.describe())
                .append(')'));
        if (!activity.pauseBefore().isZero()) {
            line.append("; wait ").append(Durations.format(activity.pauseBefore())).append(" before");
        }
        if (!activity.pauseAfter().isZero()) {
            line.append(activity.fault() ? "; hold for " : "; wait ").append(Durations.format(activity.pauseAfter()))
                    .append(activity.fault() ? "" : " after");
        }
        if (activity.background()) {
            line.append(" [background]");
        }
        return line.toString();
    }

    /** The hypothesis strategy's phases. */
    private record Strategies(boolean before, boolean after) {
        Strategies(Experiment experiment) {
            this(experiment.strategies().hypothesis().before(), experiment.strategies().hypothesis().after());
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }
}
