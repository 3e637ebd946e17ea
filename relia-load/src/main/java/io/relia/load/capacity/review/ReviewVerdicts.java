package io.relia.load.capacity.review;

import io.relia.core.Finding;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.Verdict;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.value.Durations;
import io.relia.load.capacity.CapacityAnalysis;
import io.relia.load.capacity.LeverageText;
import io.relia.load.capacity.ResourceAnalysis;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Review verdicts, table and JSON of one analysed capacity plan. */
final class ReviewVerdicts {

    private ReviewVerdicts() {
    }

    static List<Verdict> of(DiscoveredInput plan, Node root, CapacityAnalysis analysis, List<String> before) {
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>(before);
        String horizon = Durations.format(analysis.config().horizon());
        for (ResourceAnalysis resource : analysis.resources()) {
            String name = resource.resource().name();
            evidence.add(name + ": " + summary(resource, horizon));
            resource.baseline().runway().ifPresent(runway -> findings.add(new Finding("capacity/runway-short",
                    Severity.HIGH, name + " reaches its usable capacity on " + day(runway) + ", within the " + horizon
                    + " horizon (model " + resource.forecast().model() + ")",
                    CapacityReviewAnalyzer.locationOf(plan, root, name), resource.recommendation().text())));
            if (resource.usable().isPresent() && !resource.peak().ok()) {
                findings.add(new Finding("capacity/no-headroom", Severity.MEDIUM, name + " cannot take "
                        + number(resource.peak().multiplier()) + "× today's normal peak (" + number(resource.peak()
                        .required()) + " against " + number(resource.usable().getAsDouble()) + " usable)",
                        CapacityReviewAnalyzer.locationOf(plan, root, name), resource.recommendation().text()));
            }
        }
        if (findings.isEmpty()) {
            return List.of(Verdict.pass(ChecklistItem.CAPACITY_PLANNING, "capacity plan in " + plan.path()
                    + ": every resource has runway beyond the " + horizon + " horizon and "
                    + number(analysis.config().headroom().peak()) + "× peak headroom", evidence));
        }
        return List.of(Verdict.fail(ChecklistItem.CAPACITY_PLANNING, "capacity plan in " + plan.path() + ": "
                + findings.size() + " resource problem(s) within the " + horizon + " horizon", evidence,
                findings.stream().sorted().toList()));
    }

    private static String summary(ResourceAnalysis resource, String horizon) {
        String runway = resource.usable().isEmpty() ? "runway unknown (no capacity)" : resource.baseline().runway()
                .map(at -> "runway to " + day(at)).orElse("runway beyond " + horizon);
        return runway + ", model " + resource.forecast().model() + "; " + resource.recommendation().text() + "; "
                + LeverageText.label(resource) + ": " + LeverageText.brief(resource);
    }

    static List<Document.Block> table(DiscoveredInput plan, CapacityAnalysis analysis) {
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (ResourceAnalysis resource : analysis.resources()) {
            boolean attention = resource.baseline().runway().isPresent() || !resource.peak().ok();
            rows.add(List.of(Document.Cell.of(resource.resource().name()),
                    Document.Cell.of(number(resource.usage().recentPeak()) + " " + resource.resource().unit()),
                    Document.Cell.of(resource.usable().isPresent() ? number(resource.usable().getAsDouble()) : "?"),
                    new Document.Cell(resource.baseline().runway().map(ReviewVerdicts::day).orElse("beyond horizon"),
                            attention ? Document.Tone.WARN : Document.Tone.GOOD),
                    Document.Cell.of(resource.forecast().model()),
                    Document.Cell.of(LeverageText.brief(resource)),
                    Document.Cell.of(resource.recommendation().text())));
        }
        return List.of(new Document.Paragraph(plan.path() + ": forecast over " + Durations.format(analysis
                .config().horizon()) + "; details with relia capacity forecast --config " + plan.path()),
                new Document.Table(List.of("Resource", "Normal peak", "Usable", "Runway", "Model",
                        "Seasonal naive", "Recommendation"), rows));
    }

    static Map<String, Object> data(DiscoveredInput plan, CapacityAnalysis analysis) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", plan.path().toString());
        out.put("resources", analysis.resources().stream().map(resource -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", resource.resource().name());
            one.put("model", resource.forecast().model());
            one.put("runway", resource.baseline().runway().map(Object::toString).orElse(null));
            one.put("baseline", baseline(resource));
            one.put("peakHeadroomOk", resource.peak().ok());
            one.put("recommendation", resource.recommendation().text());
            return one;
        }).toList());
        return out;
    }

    /** Seasonal naive's runway and instances at the horizon, as in the capacity-forecast report's baseline. */
    private static Map<String, Object> baseline(ResourceAnalysis resource) {
        ResourceAnalysis.Leverage leverage = resource.leverage();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", leverage.model());
        out.put("runway", leverage.naive().runway().map(Object::toString).orElse(null));
        out.put("instancesAtHorizon", leverage.naiveInstancesAtHorizon().isPresent()
                ? leverage.naiveInstancesAtHorizon().getAsInt() : null);
        out.put("samePlan", LeverageText.samePlan(resource));
        return out;
    }

    static Optional<MapNode> resourceNode(Node root, String name) {
        if (!(root instanceof MapNode map)) {
            return Optional.empty();
        }
        return map.list("resources").flatMap(list -> list.items().stream()
                .filter(item -> item instanceof MapNode resource && resource.text("name").orElse("").equals(name))
                .map(item -> (MapNode) item).findFirst());
    }

    private static String day(java.time.Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String number(double value) {
        return value >= 100 || value == Math.rint(value) ? String.format(java.util.Locale.ROOT, "%,.0f", value)
                : String.format(java.util.Locale.ROOT, "%.3g", value);
    }
}
