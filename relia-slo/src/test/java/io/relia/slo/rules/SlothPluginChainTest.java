package io.relia.slo.rules;

import io.relia.core.Problem;
import io.relia.core.spec.SpecLoader;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Sloth's built-in SLO plugins change the rules as Sloth's do (semantics of Sloth v0.16's plugin sources). */
class SlothPluginChainTest {

    private static SloFile read(String plugins) {
        String yaml = """
                version: "prometheus/v1"
                service: "web-service"
                labels: {team: platform}
                slos:
                  - name: "availability"
                    objective: 99.9
                    plugins:
                      chain:
                %s
                    sli:
                      events:
                        error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
                        total_query: sum(rate(http_requests_total[{{.window}}]))
                    alerting:
                      name: WebServiceAvailability
                """.formatted(plugins.indent(10).stripTrailing());
        return SloSpecs.read(Path.of("plugins.yaml"), SpecLoader.parse(Path.of("plugins.yaml"), yaml).file()
                .orElseThrow().documents());
    }

    private static List<RuleGroup> generate(String plugins) {
        SloFile file = read(plugins);
        assertThat(file.problems()).noneMatch(Problem::isError);
        Slo slo = file.slos().getFirst();
        return SlothRules.generate(slo, new SlothRules.Options(Duration.ofDays(30), Map.of(), "v", AlertWindows.GOOGLE));
    }

    private static Rule.Recording record(List<RuleGroup> groups, String name) {
        return groups.stream().flatMap(group -> group.rules().stream())
                .filter(rule -> rule instanceof Rule.Recording r && r.record().equals(name))
                .map(Rule.Recording.class::cast).findFirst().orElseThrow();
    }

    @Test
    void budgetExhaustedAlertSelectsTheSlosOwnSeries() {
        List<RuleGroup> groups = generate("""
                - id: "sloth.dev/contrib/error_budget_exhausted_alert/v1"
                  config: {threshold: 0.1, alert_labels: {severity: critical}, annotations: {summary: gone}}
                """);

        Rule.Alert alert = (Rule.Alert) groups.getLast().rules().getLast();
        assertThat(alert.alert()).isEqualTo("ErrorBudgetExhausted");
        assertThat(alert.expr()).isEqualTo("slo:period_error_budget_remaining:ratio{sloth_id=\"web-service-"
                + "availability\", sloth_service=\"web-service\", sloth_slo=\"availability\", team=\"platform\"} <= 0.1");
        assertThat(alert.forDuration()).contains("5m");
        assertThat(alert.labels()).containsExactly(Map.entry("severity", "critical"));
        assertThat(alert.annotations()).containsExactly(Map.entry("summary", "gone"));
    }

    @Test
    void aPluginBeforeTheDefaultsLosesItsRulesToThem() {
        List<RuleGroup> before = generate("""
                - id: "sloth.dev/contrib/error_budget_exhausted_alert/v1"
                  priority: -10
                """);

        assertThat(before.getLast().rules()).noneMatch(rule -> rule instanceof Rule.Alert a
                && a.alert().equals("ErrorBudgetExhausted"));
    }

    @Test
    void infoLabelsGoOnSlothSloInfoOnly() {
        List<RuleGroup> groups = generate("""
                - id: "sloth.dev/contrib/info_labels/v1"
                  config: {labels: {owner: payments, team: other}}
                """);

        assertThat(record(groups, "sloth_slo_info").labels()).containsEntry("owner", "payments")
                .containsEntry("team", "other");
        assertThat(record(groups, "slo:objective:ratio").labels()).doesNotContainKey("owner");
    }

    @Test
    void removeLabelsKeepsTheIdAndWindowLabels() {
        List<RuleGroup> groups = generate("""
                - id: "sloth.dev/contrib/remove_labels/v1"
                """);

        assertThat(record(groups, "slo:sli_error:ratio_rate5m").labels()).containsOnlyKeys("sloth_id",
                "sloth_service", "sloth_slo", "sloth_window");
        assertThat(record(groups, "slo:objective:ratio").labels()).containsOnlyKeys("sloth_id", "sloth_service",
                "sloth_slo");
        assertThat(record(groups, "sloth_slo_info").labels()).containsKey("team");
    }

    @Test
    void ruleIntervalsSetEachGroupsInterval() {
        List<RuleGroup> groups = generate("""
                - id: "sloth.dev/contrib/rule_intervals/v1"
                  priority: -5
                  config: {interval: {default: 1m, alert: 30s}}
                """);

        assertThat(groups).extracting(RuleGroup::interval).containsExactly(Optional.of(Duration.ofMinutes(1)),
                Optional.of(Duration.ofMinutes(1)), Optional.of(Duration.ofSeconds(30)));
        assertThat(PrometheusRuleWriter.ruleFile(groups, List.of())).contains("interval: \"30s\"");
    }

    @Test
    void unsupportedPluginsAndBadConfigsAreLocatedErrors() {
        SloFile file = read("""
                - id: "sloth.dev/contrib/denominator_corrected_rules/v1"
                - id: "sloth.dev/contrib/rule_intervals/v1"
                  config: {interval: {alert: 30s}}
                - id: "sloth.dev/contrib/info_labels/v1"
                """);

        assertThat(file.slos()).isEmpty();
        assertThat(file.problems()).filteredOn(Problem::isError).extracting(Problem::format).satisfiesExactly(
                first -> assertThat(first).startsWith("plugins.yaml:9:17: error: Sloth SLO plugin "
                        + "\"sloth.dev/contrib/denominator_corrected_rules/v1\" is not supported"),
                second -> assertThat(second).contains("rule_intervals plugin has no default interval"),
                third -> assertThat(third).contains("info_labels plugin has no labels"));
    }
}
