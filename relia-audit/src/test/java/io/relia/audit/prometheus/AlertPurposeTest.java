package io.relia.audit.prometheus;

import io.relia.core.Location;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AlertPurposeTest {

    private static AlertPurpose purpose(String name, String expr, String annotation) {
        LoadResult loaded = SpecLoader.parse(Path.of("rules.yaml"), "alert: " + name + "\nexpr: '" + expr
                + "'\nannotations:\n  description: \"" + annotation + "\"\n");
        MapNode rule = (MapNode) loaded.file().orElseThrow().documents().getFirst().root();
        Location at = Location.of(Path.of("rules.yaml"), 1, 1);
        AlertingRule alert = new AlertingRule(name, at, expr, at, rule, Path.of("rules.yaml"));
        return AlertPurpose.of(alert, PromQlScan.of(expr));
    }

    @Test
    void aConstantExpressionIsAHeartbeat() {
        assertThat(purpose("PipelineAlive", "vector(1)", "")).isEqualTo(AlertPurpose.HEARTBEAT);
    }

    @Test
    void anAlertNamedWatchdogOrDeadMansSwitchIsAHeartbeat() {
        assertThat(purpose("Watchdog", "up{job=\"prometheus\"} >= 0", "")).isEqualTo(AlertPurpose.HEARTBEAT);
        assertThat(purpose("DeadMansSwitch", "up >= 0", "")).isEqualTo(AlertPurpose.HEARTBEAT);
    }

    @Test
    void anAlertItsDescriptionCallsAlwaysFiringIsAHeartbeat() {
        assertThat(purpose("Pipeline", "up >= 0", "This alert is always firing.")).isEqualTo(AlertPurpose.HEARTBEAT);
    }

    @Test
    void anAlertReadingOnlyAlertsIsAMetaAlert() {
        assertThat(purpose("InfoInhibitor", "group by (namespace) (ALERTS{severity=\"info\"} == 1)", ""))
                .isEqualTo(AlertPurpose.META);
    }

    @Test
    void certificateTimeLeftAndTheAgeOfALastSuccessAreDeadlines() {
        assertThat(purpose("CertExpiring", "kubelet_certificate_manager_client_ttl_seconds < 86400", ""))
                .isEqualTo(AlertPurpose.DEADLINE);
        assertThat(purpose("JobStale", "time() - job_last_success_timestamp_seconds > 3600", ""))
                .isEqualTo(AlertPurpose.DEADLINE);
    }

    @Test
    void absentAndOrdinaryConditionsAreConditions() {
        assertThat(purpose("Missing", "absent(up{job=\"api\"} == 1)", "")).isEqualTo(AlertPurpose.CONDITION);
        assertThat(purpose("Cardinality", "count by (__name__) ({__name__=~\".+\"}) > 10000", ""))
                .isEqualTo(AlertPurpose.CONDITION);
        assertThat(purpose("Errors", "rate(errors_total[5m]) > 1", "")).isEqualTo(AlertPurpose.CONDITION);
        assertThat(purpose("Timestamps", "job_last_success_timestamp_seconds == 0", ""))
                .isEqualTo(AlertPurpose.CONDITION);
    }
}
