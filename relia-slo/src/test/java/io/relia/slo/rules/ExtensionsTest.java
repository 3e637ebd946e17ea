package io.relia.slo.rules;

import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Relia's additions to Sloth's rules: each off by default, each changing only what it names. */
class ExtensionsTest {

    @TempDir
    Path directory;

    private List<RuleGroup> generate(String extra) throws IOException {
        Path file = Files.writeString(directory.resolve("slos.yaml"), """
                service: checkout
                slos:
                  - name: availability
                    sli:
                      errors: sum(rate(e[{{.window}}]))
                      total: sum(rate(t[{{.window}}]))
                    target: 99.9%
                """ + extra);
        SloFile loaded = SloSpecs.load(file);
        assertThat(loaded.problems()).isEmpty();
        return SlothRules.generate(loaded.slos().getFirst(), SlothRules.Options.defaults("test"));
    }

    private static List<Rule.Alert> alerts(List<RuleGroup> groups) {
        return groups.stream().flatMap(group -> group.rules().stream())
                .filter(rule -> rule instanceof Rule.Alert).map(rule -> (Rule.Alert) rule).toList();
    }

    private static String record(List<RuleGroup> groups, String name) {
        return groups.getFirst().rules().stream().map(rule -> (Rule.Recording) rule)
                .filter(rule -> rule.record().equals(name)).findFirst().orElseThrow().expr();
    }

    @Test
    void byDefaultTheRulesAreSloths() throws IOException {
        List<RuleGroup> groups = generate("");
        assertThat(alerts(groups)).hasSize(2).allSatisfy(alert -> {
            assertThat(alert.forDuration()).isEmpty();
            assertThat(alert.expr()).doesNotContain("and on()");
        });
        assertThat(record(groups, "slo:sli_error:ratio_rate30d")).startsWith("sum_over_time(");
    }

    @Test
    void aTierCanBeSwitchedOffAndGetAForClause() throws IOException {
        List<Rule.Alert> alerts = alerts(generate("""
                    alerting:
                      page: {for: 2m, labels: {team: checkout}}
                      ticket: {disable: true}
                """));
        assertThat(alerts).singleElement().satisfies(page -> {
            assertThat(page.labels()).containsEntry("sloth_severity", "page").containsEntry("team", "checkout")
                    .containsEntry("severity", "critical");
            assertThat(page.forDuration()).contains("2m");
        });
    }

    @Test
    void theMinimumTrafficGuardsEveryWindowPair() throws IOException {
        String expr = alerts(generate("    alerting: {min_traffic: 0.5}\n")).getFirst().expr();
        assertThat(expr).contains("and on()\n    (sum(rate(t[1h]))) >= 0.5\n", "and on()\n    (sum(rate(t[6h]))) >= 0.5\n");
    }

    @Test
    void theWeightedPeriodSliIsErrorsOverTotalOverThePeriod() throws IOException {
        assertThat(record(generate("    period_sli: weighted\n"), "slo:sli_error:ratio_rate30d"))
                .isEqualTo("(sum(rate(e[30d])))\n/\n(sum(rate(t[30d])))\n");
    }
}
