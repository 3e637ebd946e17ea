package io.relia.slo.backtest;

import io.relia.slo.Slo;
import io.relia.slo.SloSpecs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTest {

    private static final Path CADDY = Path.of("..", "..", "shared", "fixtures", "pyrra", "examples",
            "caddy-response-latency.yaml");

    @Test
    void theSpecsOwnWindowsWaitTheForOfTheirTierAsTheGeneratedRulesDo() {
        Slo slo = SloSpecs.load(CADDY).slos().getFirst();

        assertThat(AlertRules.of(slo, Duration.ofDays(28))).filteredOn(rule -> rule.strategy().equals("spec"))
                .extracting(AlertRule::severity, AlertRule::forDuration)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("page", Duration.ofMinutes(2)),
                        org.assertj.core.groups.Tuple.tuple("ticket", Duration.ofHours(1)));
    }
}
