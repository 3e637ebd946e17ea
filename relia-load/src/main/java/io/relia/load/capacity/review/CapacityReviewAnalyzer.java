package io.relia.load.capacity.review;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.report.Document;
import io.relia.core.review.CheckStatus;
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
import io.relia.load.capacity.UsageCsv;
import io.relia.load.capacity.forecast.TimeSeries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The review's capacity section, the one owner of "Capacity planning documented" and "Load testing completed".
 * Every capacity plan counts; a {@code service_capacity} block gives today's headroom and the runway at its growth
 * rate; a plan with {@code resources:} whose history is a CSV file is forecast, with a finding when the runway is
 * shorter than the horizon ({@code capacity/runway-short}) or today's capacity cannot take the peak multiplier ×
 * today's peak ({@code capacity/no-headroom}). A per-instance capacity measured by {@code relia load find-max}
 * counts as a load test. Invalid plans are the review's to report (every input problem fails the item).
 */
public final class CapacityReviewAnalyzer implements ReviewAnalyzer {

    private static final String TITLE = "Capacity";

    private final Forecasting forecasting;

    public CapacityReviewAnalyzer() {
        this(Forecasting.DEFAULT);
    }

    CapacityReviewAnalyzer(Forecasting forecasting) {
        this.forecasting = forecasting;
    }

    @Override
    public String id() {
        return "capacity";
    }

    @Override
    public Set<ChecklistItem> decides() {
        return EnumSet.of(ChecklistItem.CAPACITY_PLANNING, ChecklistItem.LOAD_TESTED);
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        List<DiscoveredInput> plans = context.inventory().ofKind(InputKind.CAPACITY);
        if (plans.isEmpty()) {
            return ReviewSection.empty(id(), TITLE);
        }
        List<Problem> problems = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        List<Document.Block> blocks = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        List<Object> forecasts = new ArrayList<>();
        for (DiscoveredInput plan : plans) {
            if (!(plan.documents().getFirst().root() instanceof MapNode root)) {
                continue;
            }
            root.map("service_capacity").ifPresent(node -> {
                ServiceCapacity capacity = ServiceCapacity.of(node, root);
                verdicts.add(Verdict.pass(ChecklistItem.CAPACITY_PLANNING, "capacity plan in " + plan.path(),
                        List.of(capacity.summary())));
                blocks.add(capacity.table());
                data.put("headroom", capacity.data());
                node.text("measured_on").ifPresent(date -> verdicts.add(Verdict.notChecked(
                        ChecklistItem.LOAD_TESTED, "the plan says capacity was measured on " + date
                                + "; measure it with relia load find-max and name the result as per_instance",
                        List.of())));
            });
            if (CapacityConfigReader.accepts(root)) {
                analyzePlan(plan, problems, verdicts, blocks, forecasts);
            } else if (!root.has("service_capacity")) {
                List<String> advice = new ArrayList<>();
                root.keys().forEach(key -> root.map(key).flatMap(resource -> resource.text("recommendation"))
                        .ifPresent(text -> advice.add(key + ": " + text)));
                verdicts.add(Verdict.pass(ChecklistItem.CAPACITY_PLANNING, "capacity plan in " + plan.path(),
                        advice));
            }
        }
        if (!forecasts.isEmpty()) {
            data.put("plans", forecasts);
        }
        List<Verdict> decided = new ArrayList<>();
        for (ChecklistItem item : decides()) {
            List<Verdict> mine = verdicts.stream().filter(verdict -> verdict.item() == item).toList();
            if (mine.stream().anyMatch(verdict -> verdict.status() == CheckStatus.PASS)) {
                // A measurement (find-max) settles the item; "the plan says it was measured on ..." adds nothing.
                mine = mine.stream().filter(verdict -> verdict.status() != CheckStatus.NOT_CHECKED).toList();
            }
            if (!mine.isEmpty()) {
                decided.add(Verdict.combine(mine));
            }
        }
        return new ReviewSection(id(), TITLE, decided, problems, blocks, data);
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
        if (read.sorted().stream().anyMatch(Problem::isError)) {
            // The review fails the item with each located problem; a forecast from half a plan would mislead.
            return;
        }
        CapacityConfig config = loaded.config().orElseThrow();
        List<String> evidence = new ArrayList<>();
        unchecked.forEach(name -> evidence.add(name + ": history in Prometheus; run relia capacity forecast --config "
                + plan.path() + " to forecast it"));
        if (forecastable.isEmpty()) {
            verdicts.add(Verdict.manual(ChecklistItem.CAPACITY_PLANNING, "capacity plan in " + plan.path()
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
                        + ": per-instance capacity measured by relia load find-max (" + shown(plan, findMax(root,
                        resource.name()).orElseThrow()) + ")", List.of())));
    }

    /** A path the plan gives relative to itself, as reachable from the working directory. */
    private static Path shown(DiscoveredInput plan, String relative) {
        Path directory = plan.path().getParent();
        return directory == null ? Path.of(relative) : directory.resolve(relative).normalize();
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
