package io.relia.slo;

import io.relia.core.Location;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A validated service level objective, whatever format it was written in.
 *
 * @param service     the service it belongs to
 * @param name        its name, unique within the service
 * @param description what it promises users, or empty
 * @param objective   the objective in percent (99.9), as a binary double like Sloth's, so generated numbers match
 * @param period      the SLO window (30d), or empty for the default period of the run
 * @param sli         how the error ratio is measured
 * @param labels      labels of its recording rules (spec-wide labels already merged in)
 * @param alerting    its burn-rate alerts
 * @param burnRateAlerts custom alert windows replacing the default page and ticket pairs; empty for the defaults
 * @param extensions  what Relia adds beyond Sloth, all off unless a spec asks
 * @param spec        the format it came from ({@code prometheus/v1}, {@code openslo/v1}, {@code relia/v1})
 * @param location    where it was defined
 */
public record Slo(String service, String name, String description, double objective, Optional<Duration> period,
                  Sli sli, Map<String, String> labels, Alerting alerting, List<BurnRateAlert> burnRateAlerts,
                  Extensions extensions, String spec, Location location) {

    public Slo {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sli, "sli");
        Objects.requireNonNull(alerting, "alerting");
        if (!(objective > 0 && objective < 100)) {
            throw new IllegalArgumentException("objective must be between 0 and 100 (exclusive): " + objective);
        }
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        burnRateAlerts = List.copyOf(burnRateAlerts);
        Objects.requireNonNull(extensions, "extensions");
        description = description == null ? "" : description;
    }

    /**
     * Relia's additions to Sloth's rules, each asked for by Sloth's or Pyrra's users and off by default so that the
     * rules stay equal to Sloth's.
     *
     * @param minTrafficPerSecond alerts stay silent while the total event rate over their long window is below this
     *                            many events per second (sloth#666, pyrra#1925); 0 = off
     * @param weightedPeriod      the period SLI is errors / total over the whole period, weighted by traffic, instead
     *                            of Sloth's mean of 5-minute ratios (sloth#332)
     */
    public record Extensions(double minTrafficPerSecond, boolean weightedPeriod, List<SlothPlugin> slothPlugins) {
        public static final Extensions NONE = new Extensions(0, false);

        public Extensions {
            if (!(minTrafficPerSecond >= 0) || Double.isInfinite(minTrafficPerSecond)) {
                throw new IllegalArgumentException("minimum traffic must be 0 or more: " + minTrafficPerSecond);
            }
            slothPlugins = List.copyOf(slothPlugins);
        }

        public Extensions(double minTrafficPerSecond, boolean weightedPeriod) {
            this(minTrafficPerSecond, weightedPeriod, List.of());
        }
    }

    /** An SLO without Relia's extensions. */
    public Slo(String service, String name, String description, double objective, Optional<Duration> period,
               Sli sli, Map<String, String> labels, Alerting alerting, List<BurnRateAlert> burnRateAlerts,
               String spec, Location location) {
        this(service, name, description, objective, period, sli, labels, alerting, burnRateAlerts, Extensions.NONE,
                spec, location);
    }

    /** Sloth's ID: {@code <service>-<name>}. */
    public String id() {
        return service + "-" + name;
    }

    /** The error budget as a ratio, computed as Sloth does: {@code (100 - objective) / 100}. */
    public double errorBudgetRatio() {
        return (100 - objective) / 100;
    }
}
