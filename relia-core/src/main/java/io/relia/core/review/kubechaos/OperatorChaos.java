package io.relia.core.review.kubechaos;

import io.relia.core.Finding;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ServiceInventory;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chaos experiments a service declares for a chaos operator (Chaos Mesh, LitmusChaos), read for the review's
 * chaos section: per experiment its faults, targets, schedule and the last result its status records. Relia reads
 * them and does not run them; an experiment whose recorded verdict is Fail is a finding.
 *
 * @param experiments every Chaos Mesh and LitmusChaos experiment found, in file order
 */
public record OperatorChaos(List<OperatorExperiment> experiments) {

    public OperatorChaos {
        experiments = List.copyOf(experiments);
    }

    /** The operator experiments among the inventory's inputs. */
    public static OperatorChaos of(ServiceInventory inventory) {
        return new OperatorChaos(experiments(inventory.inputs()));
    }

    public boolean isEmpty() {
        return experiments.isEmpty();
    }

    /** {@code 5 Chaos Mesh and 2 LitmusChaos experiments, run by their operators, not by Relia; 2 record ...}. */
    public String summary() {
        long recorded = experiments.stream().filter(experiment -> experiment.lastResult().isPresent()).count();
        long failed = experiments.stream().filter(OperatorExperiment::failed).count();
        return count("Chaos Mesh") + " Chaos Mesh and " + count("LitmusChaos") + " LitmusChaos experiment"
                + (experiments.size() == 1 ? "" : "s") + ", run by their operators, not by Relia; " + recorded
                + " record a last result in the file" + (failed == 0 ? "" : ", " + failed + " failed");
    }

    /** One line per experiment, for a verdict's evidence. */
    public List<String> evidence() {
        return experiments.stream().map(experiment -> experiment.location().file() + ": " + experiment.tool() + " "
                + experiment.kind() + " " + experiment.name() + ": " + String.join(", ", experiment.faults()) + "; "
                + experiment.lastResult().orElse("no result recorded")).toList();
    }

    /** A Medium finding per experiment whose recorded verdict is Fail. */
    public List<Finding> findings() {
        return experiments.stream().filter(OperatorExperiment::failed).map(experiment ->
                new Finding("chaos/operator-experiment-failed", Severity.MEDIUM, experiment.tool() + " "
                        + experiment.kind() + " " + experiment.name() + " failed its last run: "
                        + experiment.lastResult().orElse(""), experiment.location(),
                        "find why the service did not hold under " + String.join(", ", experiment.faults())
                                + ", fix it and run the experiment again")).toList();
    }

    /** The report's table: experiment, file, faults, targets, schedule, last result. */
    public Document.Table table() {
        return new Document.Table(List.of("Experiment", "File", "Faults", "Targets", "Schedule", "Last result"),
                experiments.stream().map(experiment -> experiment.row().stream().map(Document.Cell::of).toList())
                        .toList());
    }

    /** The JSON view: one object per experiment. */
    public List<Map<String, Object>> data() {
        return experiments.stream().map(OperatorExperiment::data).toList();
    }

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
                .map(SpecDocument::root).flatMap(root -> root instanceof MapNode map ? Stream.of(map)
                        : Stream.empty()).toList();
    }

    private long count(String tool) {
        return experiments.stream().filter(experiment -> experiment.tool().equals(tool)).count();
    }
}
