package io.relia.core.review.kubechaos;

import io.relia.core.Finding;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The review's section on chaos experiments declared for a chaos operator (Chaos Mesh, LitmusChaos): per
 * experiment its faults, targets, schedule and the last result its status records. Relia reads them and does not
 * run them; an experiment whose recorded verdict is Fail is a finding. It decides no checklist item: graceful
 * degradation is judged by the chaos section from the experiments Relia runs.
 */
public final class KubernetesChaosAnalyzer implements ReviewAnalyzer {

    @Override
    public String id() {
        return "chaos-operators";
    }

    @Override
    public Set<ChecklistItem> decides() {
        return Set.of();
    }

    @Override
    public int order() {
        return 41;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        List<OperatorExperiment> experiments = experiments(context.inventory().inputs());
        if (experiments.isEmpty()) {
            return ReviewSection.empty(id(), "Chaos experiments (Chaos Mesh, LitmusChaos)");
        }
        List<Finding> findings = experiments.stream().filter(OperatorExperiment::failed).map(experiment ->
                new Finding("chaos/operator-experiment-failed", Severity.MEDIUM, experiment.tool() + " "
                        + experiment.kind() + " " + experiment.name() + " failed its last run: "
                        + experiment.lastResult().orElse(""), experiment.location(),
                        "find why the service did not hold under " + String.join(", ", experiment.faults())
                                + ", fix it and run the experiment again")).toList();
        long recorded = experiments.stream().filter(experiment -> experiment.lastResult().isPresent()).count();
        String summary = count(experiments, "Chaos Mesh") + " Chaos Mesh and " + count(experiments, "LitmusChaos")
                + " LitmusChaos experiment(s), read and not run by Relia (their operator runs them); " + recorded
                + " record a last result in the file" + (findings.isEmpty() ? "" : ", " + findings.size()
                + " failed");
        List<List<Document.Cell>> rows = experiments.stream().map(experiment -> experiment.row().stream()
                .map(Document.Cell::of).toList()).toList();
        List<Document.Block> blocks = List.of(new Document.Paragraph(summary), new Document.Table(List.of(
                "Experiment", "File", "Faults", "Targets", "Schedule", "Last result"), rows));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("experiments", experiments.stream().map(OperatorExperiment::data).toList());
        return new ReviewSection(id(), "Chaos experiments (Chaos Mesh, LitmusChaos)", List.of(), findings,
                List.of(), blocks, data);
    }

    /** Every Chaos Mesh and LitmusChaos experiment among the inputs, in file order. */
    static List<OperatorExperiment> experiments(List<DiscoveredInput> inputs) {
        List<MapNode> litmus = objects(inputs, InputKind.LITMUS_CHAOS);
        List<LitmusReader.Verdict> verdicts = litmus.stream()
                .flatMap(object -> LitmusReader.verdict(object).stream()).toList();
        List<OperatorExperiment> found = new ArrayList<>();
        objects(inputs, InputKind.CHAOS_MESH).forEach(object -> ChaosMeshReader.read(object).ifPresent(found::add));
        litmus.forEach(object -> LitmusReader.read(object, verdicts).ifPresent(found::add));
        return List.copyOf(found);
    }

    private static List<MapNode> objects(List<DiscoveredInput> inputs, InputKind kind) {
        return inputs.stream().filter(input -> input.kind() == kind).flatMap(input -> input.documents().stream())
                .map(SpecDocument::root).flatMap(root -> root instanceof MapNode map ? java.util.stream.Stream.of(map)
                        : java.util.stream.Stream.empty()).toList();
    }

    private static long count(List<OperatorExperiment> experiments, String tool) {
        return experiments.stream().filter(experiment -> experiment.tool().equals(tool)).count();
    }
}
