package io.relia.chaos.review;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.Provider;
import io.relia.chaos.experiment.RunnerLimits;
import io.relia.chaos.experiment.Schedule;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.report.Document.Tone;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.spec.MapNode;
import io.relia.core.value.Durations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One chaos experiment as the review sees it: what it faults, how often it should run, and how its newest run
 * went. An invalid file keeps its first error instead of a model.
 *
 * @param input      the discovered file
 * @param experiment the model, when the file is valid
 * @param error      the file's first error, when it is not
 * @param lastRun    the newest run, when it ever ran
 * @param now        the review's "now" (its clock), for ages
 */
record ReviewedExperiment(DiscoveredInput input, Optional<Experiment> experiment, Optional<Problem> error,
                          Optional<LastRun> lastRun, Instant now) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    String title() {
        return experiment.map(Experiment::title).orElseGet(() -> writtenTitle(input).map(text -> text + " ")
                .orElse("") + (neededAtRunTimeOnly() ? "(needs " + neededAtRunTime() + ")"
                : notRunnable() ? "(not runnable here)" : "(invalid)"));
    }

    /** Valid; its first problem is an environment variable the reviewer's shell does not set. */
    private boolean neededAtRunTimeOnly() {
        return error.flatMap(RunnerLimits::unsetConfiguration).isPresent();
    }

    /**
     * The title as written, whether or not the file is valid: a Chaos Toolkit {@code title}, a native
     * {@code experiment.name}; journals name their experiment so.
     */
    static Optional<String> writtenTitle(DiscoveredInput input) {
        return input.documents().stream().flatMap(document -> document.root() instanceof MapNode root
                        ? root.text("title").or(() -> root.map("experiment").flatMap(map -> map.text("name")))
                        .stream() : Stream.empty())
                .findFirst();
    }

    /** Valid, but Relia's runner cannot run it here ({@link RunnerLimits}: a python provider, an unset variable). */
    boolean notRunnable() {
        return error.filter(RunnerLimits::isRunnerLimit).isPresent();
    }

    Optional<Schedule> schedule() {
        return experiment.flatMap(Experiment::schedule);
    }

    /** "payments: latency, timeout": the faults the method injects, grouped by target. */
    String faults() {
        Map<String, Set<String>> byTarget = new LinkedHashMap<>();
        for (Activity activity : experiment.map(Experiment::method).orElse(List.of())) {
            switch (activity.provider()) {
                case Provider.AddToxic toxic ->
                        byTarget.computeIfAbsent(toxic.proxy(), k -> new LinkedHashSet<>()).add(toxic.type());
                case Provider.SetProxyEnabled proxy when !proxy.enabled() ->
                        byTarget.computeIfAbsent(proxy.proxy(), k -> new LinkedHashSet<>()).add("down");
                case Provider.RemoveToxic ignored -> { }
                case Provider.SetProxyEnabled ignored -> { }
                default -> {
                    if (activity.kind() == Activity.Kind.ACTION) {
                        byTarget.computeIfAbsent("", k -> new LinkedHashSet<>()).add(activity.name());
                    }
                }
            }
        }
        List<String> parts = new ArrayList<>();
        byTarget.forEach((target, types) -> parts.add(target.isEmpty() ? String.join(", ", types)
                : target + ": " + String.join(", ", types)));
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    String frequency() {
        return schedule().map(Schedule::frequency).filter(text -> !text.isBlank()).orElse("none");
    }

    /** The newest run is older than the schedule's period, or there is none. Invalid files are never overdue. */
    boolean overdue() {
        if (experiment.isEmpty()) {
            return false;
        }
        if (lastRun.isEmpty()) {
            return true;
        }
        Optional<Duration> period = schedule().flatMap(Schedule::period);
        return period.isPresent() && Duration.between(lastRun.get().start(), now).compareTo(period.get()) > 0;
    }

    String lastRunText() {
        return lastRun.map(run -> WHEN.format(run.start()) + " (" + age(run.start()) + " ago)").orElse("never");
    }

    /** passed, failed (status ...), never run, or invalid: the first error. */
    String result() {
        String ran = lastRun.map(run -> "; " + run.summary()).orElse("");
        if (notRunnable()) {
            return neededAtRunTimeOnly()
                    ? "needed at run time: " + neededAtRunTime() + ran
                    : "not runnable here: " + error.get().message() + ran;
        }
        if (error.isPresent()) {
            return "invalid: " + errorText() + ran;
        }
        return lastRun.map(LastRun::outcome).orElse("never run");
    }

    boolean passed() {
        return experiment.isPresent() && lastRun.map(LastRun::passed).orElse(false) && !overdue();
    }

    /**
     * Medium findings: overdue (or never run), last run failed. An invalid file has none of its own: the review
     * fails the item with an {@code input/invalid} finding for each of the validator's problems.
     */
    List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        String file = input.path().toString();
        if (error.isPresent()) {
            return out;
        }
        String name = "\"" + title() + "\"";
        String every = schedule().flatMap(Schedule::period)
                .map(period -> "its schedule says " + frequency() + " (every " + Durations.format(period) + ")")
                .orElse("it has no schedule");
        if (lastRun.isEmpty()) {
            out.add(new Finding("chaos/overdue", Severity.MEDIUM, name + " has never run; " + every,
                    scheduleLocation(), "run it with relia chaos run " + file + " and keep its journal in"
                    + " journals/ next to it"
                    + (schedule().isEmpty() ? "; add schedule.frequency (daily, weekly, monthly)" : "")));
        } else if (overdue()) {
            out.add(new Finding("chaos/overdue", Severity.MEDIUM, name + " last ran " + lastRunText() + "; " + every,
                    scheduleLocation(), "run it again with relia chaos run " + file + ", or let a scheduler run it "
                    + frequency()));
        }
        lastRun.filter(run -> !run.passed()).ifPresent(run -> out.add(new Finding("chaos/last-run-failed",
                Severity.MEDIUM, "the last run of " + name + " (" + WHEN.format(run.start()) + ") "
                + run.outcome(), Location.wholeFile(run.journal()),
                "read the journal, fix what broke the steady state, and run the experiment again")));
        return out;
    }

    List<Document.Cell> row() {
        boolean bad = error.isPresent() || lastRun.map(run -> !run.passed()).orElse(false);
        Tone tone = notRunnable() ? Tone.WARN : bad ? Tone.BAD
                : lastRun.isEmpty() ? Tone.WARN : Tone.GOOD;
        return List.of(Document.Cell.of(title()), Document.Cell.of(input.path().toString()),
                Document.Cell.of(faults()), Document.Cell.of(frequency()),
                new Document.Cell(lastRunText() + (overdue() && lastRun.isPresent() ? ", overdue" : ""),
                        overdue() ? Tone.WARN : Tone.PLAIN),
                new Document.Cell(result(), tone));
    }

    /** One evidence line for the checklist; its path is the one findings use, so it can be pasted where run. */
    String evidence() {
        if (error.isPresent()) {
            return input.path() + ": " + result();
        }
        return input.path() + ": " + title() + " (" + frequency() + "): " + result()
                + (lastRun.isPresent() ? ", last run " + lastRunText() : "") + (overdue() ? ", overdue" : "");
    }

    Map<String, Object> data() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", input.path().toString());
        out.put("title", title());
        experiment.ifPresent(model -> out.put("format", model.format().name().toLowerCase(Locale.ROOT)));
        out.put("faults", faults());
        out.put("frequency", frequency());
        lastRun.ifPresent(run -> {
            out.put("lastRun", run.start().toString());
            out.put("journal", run.journal().toString());
            out.put("status", run.status());
        });
        out.put("result", notRunnable() ? "not runnable" : error.isPresent() ? "invalid"
                : lastRun.map(run -> run.passed() ? "passed" : "failed")
                .orElse("never run"));
        error.ifPresent(first -> out.put("error", first.format()));
        out.put("overdue", overdue());
        return out;
    }

    /** The environment variable of an unset configuration: "INGRESS_HOST". */
    private String neededAtRunTime() {
        return error.map(Problem::message).map(message -> message.replaceFirst("^environment variable (\\S+) .*$",
                "$1")).orElse("");
    }

    /** The first error's message and what was expected instead. */
    private String errorText() {
        return error.map(first -> first.message() + (first.expected().isEmpty() ? ""
                : "; expected " + first.expected())).orElse("");
    }

    /** Where the schedule's frequency is written, else the file. */
    private Location scheduleLocation() {
        return input.documents().stream()
                .flatMap(document -> document.root() instanceof MapNode root ? root.map("schedule").stream()
                        : Stream.empty())
                .filter(schedule -> schedule.has("frequency"))
                .map(schedule -> schedule.locationOf("frequency"))
                .findFirst().orElse(Location.wholeFile(input.path()));
    }

    /** "3d4h", "5h", "12m": coarse enough to read. */
    private String age(Instant then) {
        Duration age = Duration.between(then, now);
        if (age.isNegative()) {
            return "0s";
        }
        return Durations.format(age.toHours() > 0 ? Duration.ofHours(age.toHours())
                : Duration.ofMinutes(age.toMinutes()));
    }
}
