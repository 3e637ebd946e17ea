package io.relia.core.review.basic;

import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.report.Document;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.Verdict;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code relia.yaml}: who owns the service, what it depends on, where its dashboards and diagram are.
 * Decides "Dependencies documented"; gives evidence for the items only a person can confirm.
 */
public final class ServiceConfigAnalyzer implements ReviewAnalyzer {

    @Override
    public String id() {
        return "service";
    }

    @Override
    public Set<ChecklistItem> decides() {
        return EnumSet.of(ChecklistItem.ARCHITECTURE_DIAGRAM, ChecklistItem.DEPENDENCIES_DOCUMENTED, ChecklistItem.DASHBOARDS);
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        List<DiscoveredInput> configs = context.inventory().ofKind(InputKind.SERVICE_CONFIG);
        if (configs.isEmpty()) {
            return ReviewSection.empty(id(), "Service");
        }
        DiscoveredInput input = configs.getFirst();
        List<Problem> problems = InputValidator.validateAll(input);
        MapNode config = (MapNode) input.documents().getFirst().root();
        List<Verdict> verdicts = new ArrayList<>();
        dependencies(config, input.path()).ifPresent(verdicts::add);
        List<String> dashboards = dashboards(config);
        if (!dashboards.isEmpty()) {
            verdicts.add(Verdict.manual(ChecklistItem.DASHBOARDS,
                    dashboards.size() + " dashboards linked in relia.yaml; confirm they show the SLOs", dashboards));
        }
        diagram(config, input.path()).ifPresent(verdicts::add);

        Map<String, Object> data = new LinkedHashMap<>();
        List<List<Document.Cell>> rows = new ArrayList<>();
        for (String key : List.of("service", "description", "owners", "tier", "oncall", "prometheus")) {
            config.get(key).ifPresent(value -> {
                String text = render(value);
                data.put(key, text);
                rows.add(List.of(Document.Cell.of(key), Document.Cell.of(text)));
            });
        }
        List<Document.Block> blocks = rows.isEmpty() ? List.of()
                : List.of(new Document.Table(List.of("Field", "Value"), rows));
        return new ReviewSection(id(), "Service", verdicts, problems, blocks, data);
    }

    private static Optional<Verdict> dependencies(MapNode config, Path file) {
        Optional<ListNode> list = config.list("dependencies");
        if (list.isEmpty() || list.get().items().isEmpty()) {
            return Optional.of(Verdict.fail(ChecklistItem.DEPENDENCIES_DOCUMENTED,
                    "relia.yaml lists no dependencies", List.of(),
                    List.of(new Finding("review/dependencies-undocumented", Severity.LOW,
                            "relia.yaml does not list the service's dependencies", config.locationOf("service"),
                            "add dependencies: [{name, kind, critical}] for every service, database and queue it calls"))));
        }
        List<String> names = new ArrayList<>();
        for (Node item : list.get().items()) {
            if (item instanceof MapNode dependency) {
                String name = dependency.text("name").orElse("?");
                String kind = dependency.text("kind").map(k -> k + ", ").orElse("");
                boolean critical = dependency.text("critical").map("true"::equalsIgnoreCase).orElse(false);
                names.add(name + " (" + kind + (critical ? "critical" : "not critical") + ")");
            }
        }
        return Optional.of(Verdict.pass(ChecklistItem.DEPENDENCIES_DOCUMENTED,
                names.size() + (names.size() == 1 ? " dependency" : " dependencies") + " listed in " + file.getFileName() + ": " + String.join(", ", names),
                List.of()));
    }

    private static List<String> dashboards(MapNode config) {
        List<String> out = new ArrayList<>();
        config.list("dashboards").ifPresent(list -> list.items().forEach(item -> {
            if (item instanceof ScalarNode scalar) {
                out.add(scalar.text());
            } else if (item instanceof MapNode map) {
                out.add(map.text("name").map(name -> name + ": ").orElse("") + map.text("url").orElse(""));
            }
        }));
        return out;
    }

    private static Optional<Verdict> diagram(MapNode config, Path file) {
        return config.text("architecture_diagram").map(diagram -> {
            if (diagram.contains("://")) {
                return Verdict.manual(ChecklistItem.ARCHITECTURE_DIAGRAM,
                        "diagram linked: " + diagram + "; confirm it matches what is deployed", List.of());
            }
            Path target = file.resolveSibling(diagram);
            if (!Files.exists(target)) {
                return Verdict.fail(ChecklistItem.ARCHITECTURE_DIAGRAM, "the linked diagram does not exist",
                        List.of(), List.of(new Finding("review/diagram-missing", Severity.LOW,
                                "architecture_diagram points at " + diagram + ", which does not exist",
                                config.locationOf("architecture_diagram"), "fix the path or add the diagram")));
            }
            return Verdict.manual(ChecklistItem.ARCHITECTURE_DIAGRAM,
                    "diagram at " + target + "; confirm it matches what is deployed", List.of());
        });
    }

    private static String render(Node node) {
        return switch (node) {
            case ScalarNode scalar -> scalar.text();
            case ListNode list -> String.join(", ", list.items().stream().map(ServiceConfigAnalyzer::render).toList());
            case MapNode map -> map.keys().toString();
        };
    }
}
