package io.relia.server.intake;

import io.relia.incident.Incident;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentSettings;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.intake.AlertRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.relia.server.intake.ServerHarness.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Alertmanager (Debian package) posts its webhooks, with the bearer token, to relia serve: its alerts open
 * one incident per service, raise its severity, and resolve it to monitoring.
 */
@Tag("integration")
class AlertmanagerIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    private static Map<String, Object> alert(String name, String severity, Instant endsAt) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("labels", Map.of("alertname", name, "service", "checkout", "severity", severity,
                "instance", "checkout-1:8080"));
        alert.put("annotations", Map.of("summary", name + " on checkout-1",
                "runbook_url", "https://runbooks.example/checkout/" + name));
        alert.put("generatorURL", "http://prometheus.example/graph?g0.expr=" + name);
        if (endsAt != null) {
            alert.put("endsAt", endsAt.toString());
        }
        return alert;
    }

    @Test
    void aRealAlertmanagersWebhooksOpenGroupAndResolveAnIncident() throws Exception {
        try (ServerHarness relia = new ServerHarness(dir.resolve("relia"), IncidentSettings.DEFAULT);
             AlertmanagerProcess alertmanager = AlertmanagerProcess.start(dir, relia.url(
                     "/api/v1/alerts/alertmanager"), relia.token, List.of("alertname", "service"))) {
            alertmanager.post(List.of(alert("CheckoutHighLatency", "warning", null)));
            boolean opened = eventually(WAIT, () -> relia.store.list(IncidentQuery.ALL).size() == 1);
            assertThat(opened).as("no incident within %s; Alertmanager log:%n%s", WAIT, alertmanager.logTail())
                    .isTrue();

            alertmanager.post(List.of(alert("CheckoutErrorRate", "critical", null)));
            boolean grouped = eventually(WAIT, () -> relia.store.alerts(1).size() == 2);
            assertThat(grouped).as("second alert not linked; log:%n%s", alertmanager.logTail()).isTrue();

            Incident incident = relia.store.get(1);
            assertThat(relia.store.list(IncidentQuery.ALL)).hasSize(1);
            assertThat(incident.title()).isEqualTo("CheckoutHighLatency on checkout: CheckoutHighLatency on"
                    + " checkout-1");
            assertThat(incident.severity()).isEqualTo(IncidentSeverity.SEV2);
            assertThat(incident.alerts()).containsExactly("CheckoutHighLatency", "CheckoutErrorRate");
            JsonNode held = alertmanager.alerts();
            List<String> fingerprints = relia.store.alerts(1).stream().map(AlertRecord::key).toList();
            assertThat(held).hasSize(2);
            held.forEach(alert -> assertThat(fingerprints).contains(alert.get("fingerprint").asString()));
            assertThat(relia.store.alerts(1)).allSatisfy(alert -> {
                assertThat(alert.annotations().get("runbook_url")).startsWith("https://runbooks.example/checkout/");
                assertThat(alert.generatorUrl()).startsWith("http://prometheus.example/graph");
                assertThat(alert.startsAt()).isPresent();
            });

            Instant now = Instant.now();
            alertmanager.post(List.of(alert("CheckoutHighLatency", "warning", now),
                    alert("CheckoutErrorRate", "critical", now)));
            boolean monitoring = eventually(WAIT, () -> relia.store.get(1).status() == IncidentStatus.MONITORING);
            assertThat(monitoring).as("not monitoring after both resolved; log:%n%s", alertmanager.logTail())
                    .isTrue();
            assertThat(relia.store.alerts(1)).allSatisfy(alert -> {
                assertThat(alert.firing()).isFalse();
                assertThat(alert.endsAt()).isPresent();
            });
            assertThat(relia.store.list(IncidentQuery.ALL.openOnly(false))).hasSize(1);
        }
    }

    @Test
    void aRealAlertmanagerAsAPagerDutySenderOpensAndResolvesAnIncident() throws Exception {
        try (ServerHarness relia = new ServerHarness(dir.resolve("relia"), IncidentSettings.DEFAULT);
             AlertmanagerProcess alertmanager = AlertmanagerProcess.startPagerDuty(dir, relia.url(
                     "/api/v1/alerts/pagerduty"), relia.token, List.of("alertname", "service"))) {
            alertmanager.post(List.of(alert("CheckoutErrorRate", "critical", null)));
            boolean opened = eventually(WAIT, () -> relia.store.list(IncidentQuery.ALL).size() == 1);
            assertThat(opened).as("no incident within %s; Alertmanager log:%n%s", WAIT, alertmanager.logTail())
                    .isTrue();
            Incident incident = relia.store.get(1);
            assertThat(incident.severity()).isEqualTo(IncidentSeverity.SEV2);
            assertThat(incident.services()).containsExactly("checkout");
            assertThat(relia.store.alerts(1)).singleElement().satisfies(alert -> {
                assertThat(alert.source()).isEqualTo(io.relia.incident.intake.AlertEvent.Source.PAGERDUTY);
                assertThat(alert.alertname()).contains("CheckoutErrorRate");
            });
            assertThat(relia.store.timeline(1).get(0).actor()).isEqualTo("relia intake");

            alertmanager.post(List.of(alert("CheckoutErrorRate", "critical", Instant.now())));
            boolean monitoring = eventually(WAIT, () -> relia.store.get(1).status() == IncidentStatus.MONITORING);
            assertThat(monitoring).as("not monitoring after resolve; log:%n%s", alertmanager.logTail()).isTrue();
        }
    }
}
