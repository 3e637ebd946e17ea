package io.relia.chaos.review;

import io.relia.chaos.ChaosExperimentValidator;
import io.relia.chaos.experiment.Experiments;
import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.report.Document;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.Verdict;
import io.relia.core.review.kubechaos.OperatorChaos;
import io.relia.core.spec.MapNode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The review's chaos section: every chaos experiment (native and Chaos Toolkit) with its faults, its schedule and
 * its newest run from the journals next to it. "Graceful degradation implemented" passes when every experiment
 * passed its last run and none is overdue against its schedule; an experiment that never ran, ran too long ago or
 * failed its last run fails it with a finding; an invalid one fails it through the review's input check.
 */
public final class ChaosReviewAnalyzer implements ReviewAnalyzer {

    @Override
    public String id() {
        return "chaos";
    }

    @Override
    public Set<ChecklistItem> decides() {
        return EnumSet.of(ChecklistItem.GRACEFUL_DEGRADATION);
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        List<DiscoveredInput> files = experimentFiles(context);
        OperatorChaos operators = OperatorChaos.of(context.inventory());
        if (files.isEmpty() && !operators.isEmpty()) {
            return operatorsOnly(operators);
        }
        if (files.isEmpty()) {
            return new ReviewSection(id(), "Chaos experiments", List.of(Verdict.manual(
                    ChecklistItem.GRACEFUL_DEGRADATION, "no chaos experiments found: show how the service degrades"
                            + " when a dependency is slow or down, or add experiments (reliability/chaos/*.yaml)"
                            + " and run them with relia chaos run", List.of())), List.of(), List.of(), Map.of());
        }
        Instant now = context.clock().instant();
        List<Problem> problems = new ArrayList<>();
        List<LastRun> journals = context.inventory().ofKind(InputKind.CHAOS_JOURNAL).stream()
                .flatMap(journal -> LastRun.read(journal.path(), problems).stream()).toList();
        List<ReviewedExperiment> experiments = new ArrayList<>();
        for (DiscoveredInput file : files) {
            // The file's problems are the validator's (ChaosExperimentValidator, run at discovery), which the
            // review turns into input/invalid findings; only the first error is kept here, for the table.
            // A file the validator finds valid but the run refuses (a python provider, a variable unset here) keeps
            // the run's reason: "not runnable here", not "invalid".
            Experiments.Result read = Experiments.load(file.path());
            List<Problem> judged = new ChaosExperimentValidator().validate(file.kind(), file.documents());
            Optional<Problem> error = read.experiment().isPresent() ? Optional.empty()
                    : judged.stream().filter(Problem::isError).findFirst()
                    .or(() -> read.problems().stream().filter(Problem::isError).findFirst());
            Optional<String> title = ReviewedExperiment.writtenTitle(file);
            Optional<LastRun> lastRun = java.util.stream.Stream.concat(
                            LastRun.newest(file.path(), problems).stream(),
                            journals.stream().filter(journal -> title.isPresent() && journal.title().equals(title)))
                    .max(java.util.Comparator.comparing(LastRun::start));
            experiments.add(new ReviewedExperiment(file, read.experiment(), error, lastRun, now));
        }
        java.util.Set<String> titles = new java.util.HashSet<>();
        experiments.forEach(experiment -> ReviewedExperiment.writtenTitle(experiment.input()).ifPresent(titles::add));
        List<String> strays = journals.stream().filter(journal -> journal.title().filter(titles::contains).isEmpty())
                .map(journal -> journal.journal() + " (" + journal.title().map(text -> "\"" + text + "\"")
                        .orElse("untitled") + ")").toList();
        String journalText = journals.isEmpty() ? "" : " " + journals.size() + " Chaos Toolkit journal(s) read as "
                + "run history, matched by experiment title" + (strays.isEmpty() ? "." : "; of no experiment here: "
                + String.join(", ", strays) + ".");
        List<Document.Block> blocks = new ArrayList<>(List.of(new Document.Paragraph(summary(experiments)
                + journalText),
                new Document.Table(List.of("Experiment", "File", "Faults", "Schedule", "Last run", "Result"),
                        experiments.stream().map(ReviewedExperiment::row).toList())));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("experiments", experiments.stream().map(ReviewedExperiment::data).toList());
        if (!operators.isEmpty()) {
            blocks.add(new Document.Paragraph(operators.summary()));
            blocks.add(operators.table());
            data.put("operatorExperiments", operators.data());
        }
        return new ReviewSection(id(), "Chaos experiments", List.of(verdict(experiments)), operators.findings(),
                problems, blocks, data);
    }

    /**
     * Only Chaos Mesh or LitmusChaos experiments: their operators run them, so Relia judges what their status
     * records. A recorded failure fails the item; otherwise a person shows their recent runs (no plain pass).
     */
    private ReviewSection operatorsOnly(OperatorChaos operators) {
        List<Finding> findings = operators.findings();
        Verdict verdict = findings.isEmpty()
                ? Verdict.manual(ChecklistItem.GRACEFUL_DEGRADATION, operators.summary() + ": show their recent "
                        + "runs (kubectl get chaosresults, or the Chaos Mesh dashboard) and how the service degraded",
                        operators.evidence())
                : Verdict.fail(ChecklistItem.GRACEFUL_DEGRADATION, operators.summary(), operators.evidence(),
                        findings);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("experiments", List.of());
        data.put("operatorExperiments", operators.data());
        return new ReviewSection(id(), "Chaos experiments", List.of(verdict), List.of(),
                List.of(new Document.Paragraph(operators.summary()), operators.table()), data);
    }

    /**
     * The files discovery recognised as experiments, each once. Journals are left out: they carry a copy of their
     * experiment under {@code experiment:}, which discovery takes for a native experiment.
     */
    private static List<DiscoveredInput> experimentFiles(ReviewContext context) {
        Map<Path, DiscoveredInput> byFile = new LinkedHashMap<>();
        context.inventory().inputs().stream()
                .filter(input -> input.kind() == InputKind.CHAOS_EXPERIMENT || input.kind() == InputKind.CHAOS_TOOLKIT)
                .filter(input -> !isJournal(input))
                .forEach(input -> byFile.putIfAbsent(input.path(), input));
        return List.copyOf(byFile.values());
    }

    private static boolean isJournal(DiscoveredInput input) {
        return input.documents().stream().anyMatch(document -> document.root() instanceof MapNode root
                && root.has("steady_states") && root.has("status") && root.has("start"));
    }

    /**
     * Judged on the experiments that could be read; an invalid one fails the item through the review's input
     * check (its problems become input/invalid findings), which keeps this verdict as evidence.
     */
    private static Verdict verdict(List<ReviewedExperiment> experiments) {
        List<ReviewedExperiment> valid = experiments.stream()
                .filter(experiment -> experiment.experiment().isPresent()).toList();
        List<String> evidence = experiments.stream().map(ReviewedExperiment::evidence).toList();
        if (valid.isEmpty()) {
            return Verdict.notChecked(ChecklistItem.GRACEFUL_DEGRADATION, "none of the " + experiments.size()
                    + " chaos experiments could be read and run by Relia; relia validate lists their problems",
                    evidence);
        }
        List<Finding> findings = valid.stream().flatMap(experiment -> experiment.findings().stream())
                .sorted().toList();
        long passed = valid.stream().filter(ReviewedExperiment::passed).count();
        String readable = valid.size() == experiments.size() ? "" : " readable";
        if (findings.isEmpty()) {
            return Verdict.pass(ChecklistItem.GRACEFUL_DEGRADATION, "every" + readable + " chaos experiment ("
                    + valid.size() + ") passed its last run, none overdue against its schedule", evidence);
        }
        return Verdict.fail(ChecklistItem.GRACEFUL_DEGRADATION, passed + " of " + valid.size() + readable
                + " chaos experiments passed their last run on schedule", evidence, findings);
    }

    private static String summary(List<ReviewedExperiment> experiments) {
        long invalid = experiments.stream().filter(experiment -> experiment.error().isPresent()
                && !experiment.notRunnable()).count();
        long notRunnable = experiments.stream().filter(ReviewedExperiment::notRunnable).count();
        long never = experiments.stream()
                .filter(experiment -> experiment.error().isEmpty() && experiment.lastRun().isEmpty()).count();
        long passed = experiments.stream()
                .filter(experiment -> experiment.lastRun().map(LastRun::passed).orElse(false)).count();
        long failed = experiments.stream()
                .filter(experiment -> experiment.lastRun().map(run -> !run.passed()).orElse(false)).count();
        long overdue = experiments.stream().filter(ReviewedExperiment::overdue).count();
        return experiments.size() + " chaos experiment(s): " + passed + " passed their last run, " + failed
                + " failed, " + never + " never ran" + (invalid > 0 ? ", " + invalid + " invalid" : "")
                + (notRunnable > 0 ? ", " + notRunnable + " valid but not runnable by Relia here" : "") + "; "
                + overdue + " overdue against their schedule (journals: journals/ next to each experiment).";
    }
}
