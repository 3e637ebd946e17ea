package io.relia.slo;

import io.relia.core.Location;
import io.relia.core.Problem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One SLO written in several formats counts once; an alert name two different SLOs share is a clash. */
class SloDuplicatesTest {

    private static final Path EXAMPLE = Path.of("../examples/checkout-service/reliability");

    private static List<Slo> load(String... files) {
        return Stream.of(files).map(file -> SloSpecs.load(EXAMPLE.resolve(file))).flatMap(f -> f.slos().stream())
                .toList();
    }

    @Test
    void theExampleAvailabilitySloInThreeFormatsIsOneSloMeasuredByItsNativeDefinition() {
        SloDuplicates distinct = SloDuplicates.of(load("openslo/checkout-availability.yaml",
                "sloth/checkout-availability.yaml", "slos.yaml"));

        assertThat(distinct.count()).isEqualTo(3);
        assertThat(distinct.duplicated()).singleElement().satisfies(same -> {
            assertThat(same.preferred().id()).isEqualTo("checkout-availability");
            assertThat(same.formats()).containsExactly("relia/v1", "prometheus/v1", "openslo/v1");
        });
        assertThat(distinct.clashes()).isEmpty();
    }

    @Test
    void furtherDefinitionsAreWarningsThatSayHowTheyDiffer() {
        List<Problem> problems = SloDuplicates.of(load("slos.yaml", "openslo/checkout-availability.yaml"))
                .problems();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(problem.location().file()).endsWith("openslo/checkout-availability.yaml");
            assertThat(problem.message()).isEqualTo("SLO \"checkout-checkout-availability\" (openslo/v1) is the same "
                    + "SLO as \"checkout-availability\" at " + EXAMPLE.resolve("slos.yaml") + ":5:5 (relia/v1): same "
                    + "service and SLI; its window differs (28d, not 30d)");
            assertThat(problem.hint()).endsWith("both generate alert CheckoutAvailabilitySloBurnRate");
        });
    }

    @Test
    void theSameSliInAnotherServiceIsAnotherSlo() {
        Slo checkout = slo("checkout", "availability", "sum(rate(e[{{.window}}]))", "Availability");
        Slo shop = slo("shop", "availability", "sum(rate(e[{{.window}}]))", "ShopAvailability");

        assertThat(SloDuplicates.of(List.of(checkout, shop)).count()).isEqualTo(2);
    }

    @Test
    void differentSlosGeneratingOneAlertNameClash() {
        Slo errors = slo("checkout", "availability", "sum(rate(e[{{.window}}]))", "CheckoutBurn");
        Slo latency = slo("checkout", "latency", "sum(rate(slow[{{.window}}]))", "CheckoutBurn");

        SloDuplicates distinct = SloDuplicates.of(List.of(errors, latency));

        assertThat(distinct.clashes()).singleElement().satisfies(clash -> {
            assertThat(clash.alert()).isEqualTo("CheckoutBurn");
            assertThat(clash.slos()).containsExactly(errors, latency);
        });
        assertThat(distinct.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .isEqualTo("alert \"CheckoutBurn\" of SLO \"checkout-latency\" is also the alert of SLO "
                        + "\"checkout-availability\" at checkout.yaml:1:1, a different SLO: Prometheus would get two "
                        + "alert rules with one name"));
    }

    @Test
    void anSloWithoutAlertsClashesWithNothing() {
        Slo errors = slo("checkout", "availability", "sum(rate(e[{{.window}}]))", "CheckoutBurn");
        Slo silent = new Slo("checkout", "latency", "", 99.9, Optional.empty(), new Sli.Events(
                "sum(rate(slow[{{.window}}]))", "sum(rate(t[{{.window}}]))"), Map.of(), new Alerting("CheckoutBurn",
                Map.of(), Map.of(), new AlertTier(true, Map.of(), Map.of()), new AlertTier(true, Map.of(), Map.of())),
                List.of(), "prometheus/v1", new Location("checkout.yaml", 9, 1));

        assertThat(SloDuplicates.of(List.of(errors, silent)).clashes()).isEmpty();
    }

    private static Slo slo(String service, String name, String errors, String alert) {
        return new Slo(service, name, "", 99.9, Optional.of(Duration.ofDays(30)), new Sli.Events(errors,
                "sum(rate(t[{{.window}}]))"), Map.of(), new Alerting(alert, Map.of(), Map.of(), AlertTier.DEFAULT,
                AlertTier.DEFAULT), List.of(), "prometheus/v1", new Location(service + ".yaml", 1, 1));
    }
}
