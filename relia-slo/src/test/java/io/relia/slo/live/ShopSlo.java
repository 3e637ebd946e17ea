package io.relia.slo.live;

import io.relia.core.Location;
import io.relia.slo.AlertTier;
import io.relia.slo.Alerting;
import io.relia.slo.Sli;
import io.relia.slo.Slo;
import io.relia.slo.query.SloQueries;
import io.relia.slo.status.StatusEvaluator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The 99.9%-over-30-days availability SLO of {@link SyntheticHistory}'s shop service. */
final class ShopSlo {

    static final double OBJECTIVE = 99.9;
    static final Duration PERIOD = Duration.ofDays(30);

    private ShopSlo() {
    }

    static Slo availability(String service) {
        Sli sli = new Sli.Events(
                "sum(rate(http_requests_total{service=\"" + service + "\",status=~\"5..\"}[{{.window}}]))",
                "sum(rate(http_requests_total{service=\"" + service + "\"}[{{.window}}]))");
        Alerting alerting = new Alerting("ShopAvailability", Map.of(), Map.of(), AlertTier.DEFAULT, AlertTier.DEFAULT);
        return new Slo(service, "availability", "", OBJECTIVE, Optional.of(PERIOD), sli, Map.of(), alerting,
                List.of(), "prometheus/v1", new Location("shop.yaml", 1, 1));
    }

    static StatusEvaluator.Target target(String service) {
        Slo slo = availability(service);
        return new StatusEvaluator.Target(slo, SloQueries.of(slo));
    }
}
