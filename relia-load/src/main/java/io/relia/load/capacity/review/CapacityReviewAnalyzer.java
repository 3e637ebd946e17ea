package io.relia.load.capacity.review;

import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.Verdict;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.load.capacity.CapacityAnalysis;
import io.relia.load.capacity.CapacityConfig;
import io.relia.load.capacity.CapacityConfigReader;
import io.relia.load.capacity.CapacityPlanner;
import io.relia.load.capacity.Forecasting;
import io.relia.load.capacity.ResourceAnalysis;
import io.relia.load.capacity.UsageCsv;
import io.relia.load.capacity.forecast.TimeSeries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review's capacity forecast: for every capacity plan with {@code resources:}, forecasts the resources whose
 * history is a CSV file and decides "Capacity planning documented" — a finding when the runway is shorter than the
 * horizon ({@code capacity/runway-short}), when today's capacity cannot take the peak multiplier × today's peak
 * ({@code capacity/no-headroom}) or when the plan is not valid ({@code capacity/invalid-config}). A per-instance
 * capacity measured by {@code relia load find-max} counts as a load test.
 */
public final class CapacityReviewAnalyzer implements ReviewAnalyzer {

    private static final String TITLE = "Capacity forecast";

    private final Forecasting forecasting;

    public CapacityReviewAnalyzer() {
        this(Forecasting.DEFAULT);
    }

    CapacityReviewAnalyzer(Forecasting forecasting) {
        this.forecasting = forecasting;
    }

    @Override
    public String id() {
        return "capacity-forecast";
    }

    @Override
    public int order() {
        return 61;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        List<DiscoveredInput> plans = context.inventory().ofKind(InputKind.CAPACITY).stream()
                .filter(input -> input.documents().stream().anyMatch(doc -> CapacityConfigReader.accepts(doc.root())))
                .toList();
        if (plans.isEmpty()) {
            return ReviewSection.empty(id(), TITLE);
        }
        List<Problem> problems = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        List<Document.Block> blocks = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        for (DiscoveredInput plan : plans) {
            analyzePlan(plan, problems, verdicts, blocks, data);
        }
        return new ReviewSection(id(), TITLE, verdicts, problems, blocks, Map.of("plans", data));
    }

    private void analyzePlan(DiscoveredInput plan, List<Problem> problems, List<Verdict> verdicts,
                             List<Document.Block> blocks, List<Object> data) {
        Node root = plan.documents().getFirst().root();
        Path directory = plan.path().toAbsolutePath().getParent();
        CapacityConfigReader.Loaded loaded = CapacityConfigReader.read(root, plan.path(), directory);
        Problems read = new Problems();
        read.addAll(loaded.problems());
        Map<String, TimeSeries> histories = new LinkedHashMap<>();
        List<CapacityConfig.Resource> forecastable = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        loaded.config().ifPresent(config -> config.resources().forEach(resource -> {
            if (resource.source() instanceof CapacityConfig.CsvSource(Path file)) {
                UsageCsv.read(file, read).ifPresent(history -> {
                    histories.put(resource.name(), history);
                    forecastable.add(resource);
                });
            } else {
                unchecked.add(resource.name());
            }
        }));
        problems.addAll(read.sorted());
        Optional<Problem> error = read.sorted().stream().filter(Problem::isError).findFirst();
        if (error.isPresent()) {
            verdicts.add(Verdict.fail(ChecklistItem.CAPACITY_PLANNING, "the capacity plan " + plan.relative()
                    + " cannot be forecast", List.of(), List.of(new Finding("capacity/invalid-config",
                    Severity.MEDIUM, "capacity plan is not valid: " + error.get().message(), error.get().location(),
                    error.get().hint().isEmpty() ? "fix the plan; relia capacity forecast --config "
                            + plan.relative() + " shows every problem" : error.get().hint()))));
            return;
        }
        CapacityConfig config = loaded.config().orElseThrow();
        List<String> evidence = new ArrayList<>();
        unchecked.forEach(name -> evidence.add(name + ": history in Prometheus; run relia capacity forecast --config "
                + plan.relative() + " to forecast it"));
        if (forecastable.isEmpty()) {
            verdicts.add(Verdict.manual(ChecklistItem.CAPACITY_PLANNING, "capacity plan in " + plan.relative()
                    + " reads Prometheus; the review does not query it", evidence));
            return;
        }
        CapacityConfig offline = new CapacityConfig(config.service(), config.horizon(), config.targetUtilization(),
                config.level(), config.headroom(), config.monthlyGrowth(), forecastable, config.events());
        CapacityAnalysis analysis = new CapacityPlanner(forecasting).analyze(offline, histories);
        verdicts.addAll(ReviewVerdicts.of(plan, root, analysis, evidence));
        blocks.addAll(ReviewVerdicts.table(plan, analysis));
        data.add(ReviewVerdicts.data(plan, analysis));
        forecastable.stream().filter(resource -> findMax(root, resource.name()).isPresent()).findFirst()
                .ifPresent(resource -> verdicts.add(Verdict.pass(ChecklistItem.LOAD_TESTED, resource.name()
                        + ": per-instance capacity measured by relia load find-max (" + findMax(root, resource.name())
                        .orElseThrow() + ")", List.of())));
    }

    /** The find-max result file a resource's per_instance names, if any. */
    private static Optional<String> findMax(Node root, String resource) {
        return ReviewVerdicts.resourceNode(root, resource).flatMap(node -> node.map("per_instance"))
                .flatMap(perInstance -> perInstance.text("find_max"));
    }

    static Location locationOf(DiscoveredInput plan, Node root, String resource) {
        return ReviewVerdicts.resourceNode(root, resource).map(MapNode::location)
                .orElse(Location.wholeFile(plan.path()));
    }
}
