package io.relia.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders the rule catalogue as the Markdown held by docs/audit.md between its catalogue markers. */
final class CatalogueMarkdown {

    private static final Map<String, String> AREA_TITLES = Map.of(
            "java", "Java code",
            "k8s", "Kubernetes manifests",
            "spring", "Spring configuration",
            "prometheus", "Prometheus rules",
            "runbook", "Runbooks",
            "input", "Inputs",
            "dependency", "Dependencies (relia.yaml)");

    private CatalogueMarkdown() {
    }

    static String render(RuleCatalogue catalogue) {
        StringBuilder out = new StringBuilder();
        Map<String, List<AuditRule>> byArea = new TreeMap<>(catalogue.rules().stream()
                .collect(Collectors.groupingBy(AuditRule::area)));
        out.append(catalogue.rules().size()).append(" rules in ").append(byArea.size()).append(" areas.\n");
        byArea.forEach((area, rules) -> {
            out.append("\n### ").append(areaTitle(area)).append(" (`").append(area).append("`)\n");
            for (AuditRule rule : rules) {
                out.append('\n').append(rule(rule));
            }
        });
        return out.toString();
    }

    static String areaTitle(String area) {
        return AREA_TITLES.getOrDefault(area, area);
    }

    private static String rule(AuditRule rule) {
        StringBuilder out = new StringBuilder("#### ").append(rule.id()).append("\n\n");
        out.append("**").append(rule.title()).append("** · severity ").append(rule.severity().id())
                .append(" · precision ").append(rule.precision().id());
        if (!rule.tags().isEmpty()) {
            out.append(" · tags ").append(String.join(", ", rule.tags()));
        }
        out.append("\n\n");
        out.append("Detects: ").append(rule.detects().strip()).append("\n\n");
        out.append("Why: ").append(rule.why().strip()).append('\n');
        out.append(example("Before", rule.before(), rule.area()));
        out.append(example("After", rule.after(), rule.area()));
        return out.toString();
    }

    /** A labelled fenced code block, or nothing for an empty snippet. */
    static String example(String label, String code, String area) {
        if (code.isBlank()) {
            return "";
        }
        String language = switch (area) {
            case "java" -> "java";
            case "k8s", "prometheus", "runbook", "input", "dependency" -> "yaml";
            default -> "";
        };
        String body = code.stripTrailing();
        String fence = body.contains("```") ? "````" : "```";
        return "\n" + label + ":\n\n" + fence + language + "\n" + body + "\n" + fence + "\n";
    }
}
