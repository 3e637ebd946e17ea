package io.relia.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule an audit can report, sorted by ID: the installed analyzers' and the audit's own {@code input/invalid};
 * docs/audit.md and SARIF metadata come from it.
 */
public final class RuleCatalogue {

    private final List<AuditRule> rules;
    private final Map<String, Integer> indexById = new LinkedHashMap<>();

    private RuleCatalogue(List<AuditRule> rules) {
        this.rules = List.copyOf(rules);
        for (int i = 0; i < this.rules.size(); i++) {
            indexById.put(this.rules.get(i).id(), i);
        }
    }

    /**
     * Collects the rules of {@code analyzers}, and the audit's own.
     *
     * @throws IllegalStateException when two rules share an ID (a bug in an analyzer)
     */
    public static RuleCatalogue of(List<AuditAnalyzer> analyzers) {
        Map<String, String> owner = new LinkedHashMap<>();
        List<AuditRule> all = new ArrayList<>(InputRules.ALL);
        InputRules.ALL.forEach(rule -> owner.put(rule.id(), "the audit itself"));
        for (AuditAnalyzer analyzer : analyzers) {
            for (AuditRule rule : analyzer.rules()) {
                String previous = owner.putIfAbsent(rule.id(), analyzer.id());
                if (previous != null) {
                    throw new IllegalStateException("rule " + rule.id() + " is declared twice (analyzers "
                            + previous + " and " + analyzer.id() + ")");
                }
                all.add(rule);
            }
        }
        all.sort(Comparator.comparing(AuditRule::id));
        return new RuleCatalogue(all);
    }

    /** All rules, sorted by ID. */
    public List<AuditRule> rules() {
        return rules;
    }

    public List<String> ids() {
        return rules.stream().map(AuditRule::id).toList();
    }

    public Optional<AuditRule> find(String id) {
        Integer index = indexById.get(id);
        return index == null ? Optional.empty() : Optional.of(rules.get(index));
    }

    /** Position of a rule in {@link #rules()} (SARIF {@code ruleIndex}), or -1 when unknown. */
    public int indexOf(String id) {
        return indexById.getOrDefault(id, -1);
    }

    /** The catalogue as Markdown: a section per area, every rule with its severity, precision, why and a fix. */
    public String toMarkdown() {
        return CatalogueMarkdown.render(this);
    }

    /** A rule's help in Markdown: what it detects, why it matters, and its before/after examples. */
    public static String helpMarkdown(AuditRule rule) {
        return rule.detects().strip() + "\n\n**Why:** " + rule.why().strip() + "\n"
                + CatalogueMarkdown.example("**Before**", rule.before(), rule.area())
                + CatalogueMarkdown.example("**After**", rule.after(), rule.area());
    }

    /**
     * The anchor of a rule's section in docs/audit.md, as GitHub derives it from the heading (the ID without
     * its slash): {@code java/http-client-no-timeout} is {@code #javahttp-client-no-timeout}.
     */
    public static String anchor(String ruleId) {
        return ruleId.replace("/", "");
    }
}
