package io.relia.slo.convert;

import io.relia.core.Problems;
import io.relia.core.value.Durations;
import io.relia.slo.AlertTier;
import io.relia.slo.BurnRateAlert;
import io.relia.slo.Slo;
import io.relia.slo.promql.SliSignature;
import io.relia.slo.rules.AlertWindows;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SLO against what the target format made of it. The definition (service, name, description, objective, period,
 * SLI, labels, which alert tiers are on, Relia's extensions) must survive; the alerting each tool decides for itself
 * (windows, burn rates, names, labels, annotations, {@code for}) may change, and a warning says how.
 */
final class SloComparison {

    private SloComparison() {
    }

    static void compare(Slo source, Optional<Slo> converted, SloConverter.Format to, Duration defaultPeriod,
                        Problems problems) {
        if (converted.isEmpty()) {
            return;
        }
        Slo back = converted.get();
        List<String> lost = new ArrayList<>();
        differs(lost, "service", source.service(), back.service());
        differs(lost, "name", source.name(), back.name());
        differs(lost, "description", source.description(), back.description());
        differs(lost, "objective", source.objective(), back.objective());
        differs(lost, "SLI", SliSignature.of(source.sli()), SliSignature.of(back.sli()));
        if (lost.isEmpty() && !source.sli().equals(back.sli())) {
            problems.note(source.location(), "SLO \"" + source.id() + "\": the SLI is written in " + to.id()
                    + "'s form, the same counters (" + SliSignature.of(back.sli()) + ")", "");
        }
        differs(lost, "labels", source.labels(), back.labels());
        differs(lost, "page alerts on", !source.alerting().page().disabled(), !back.alerting().page().disabled());
        differs(lost, "ticket alerts on", !source.alerting().ticket().disabled(),
                !back.alerting().ticket().disabled());
        differs(lost, "extensions (min_traffic, period_sli)", source.extensions(), back.extensions());
        if (!source.period().equals(back.period())) {
            period(source, back, to, defaultPeriod, lost, problems);
        }
        if (!lost.isEmpty()) {
            problems.error(source.location(), "SLO \"" + source.id() + "\" would change as " + to.id() + ": "
                    + String.join("; ", lost), "an SLO " + to.id() + " can state unchanged",
                    "nothing is written; change the SLO, or convert to another format");
            return;
        }
        alerting(source, back, to, defaultPeriod, problems);
    }

    /** Sloth takes the period from how it runs: one period for every SLO of the output. */
    static void samePeriod(List<Slo> slos, Problems problems) {
        List<Optional<Duration>> periods = slos.stream().map(Slo::period).distinct().toList();
        if (periods.size() > 1) {
            for (Slo slo : slos) {
                if (!slo.period().equals(periods.getFirst())) {
                    problems.error(slo.location(), "SLO \"" + slo.id() + "\" has the period " + slo.period()
                            .map(Durations::format).orElse("of the run") + ", others " + periods.getFirst()
                            .map(Durations::format).orElse("of the run"), "one period for every SLO of a Sloth "
                            + "output", "Sloth takes the period from how it runs; convert them separately");
                }
            }
        }
    }

    private static void period(Slo source, Slo back, SloConverter.Format to, Duration defaultPeriod,
                               List<String> lost, Problems problems) {
        if (to == SloConverter.Format.SLOTH && source.period().isPresent() && back.period().isEmpty()) {
            String period = Durations.formatPrometheus(source.period().get());
            problems.warning(source.location(), "SLO \"" + source.id() + "\": a Sloth spec holds no period; its "
                    + "period " + period + " must be given when the rules are generated", "relia slo generate "
                    + "--default-period " + period, "Sloth's default is 30d");
        } else if (to == SloConverter.Format.PYRRA && source.period().isEmpty()
                && back.period().equals(Optional.of(defaultPeriod))) {
            problems.warning(source.location(), "SLO \"" + source.id() + "\" names no period; its Pyrra window is "
                    + Durations.formatPrometheus(defaultPeriod), "", "set --default-period for another window");
        } else {
            lost.add("period " + source.period().map(Durations::format).orElse("(none)") + " becomes "
                    + back.period().map(Durations::format).orElse("(none)"));
        }
    }

    private static void alerting(Slo source, Slo back, SloConverter.Format to, Duration defaultPeriod,
                                 Problems problems) {
        if (source.alerting().page().disabled() && source.alerting().ticket().disabled()) {
            return;
        }
        List<String> changes = new ArrayList<>();
        String sourceWindows = windows(source, defaultPeriod);
        String backWindows = windows(back, defaultPeriod);
        if (!sourceWindows.equals(backWindows)) {
            changes.add("windows " + sourceWindows + " become " + backWindows);
        }
        if (!source.alerting().name().equals(back.alerting().name())) {
            changes.add("alert name " + source.alerting().name() + " becomes " + back.alerting().name());
        }
        if (!source.alerting().labels().equals(back.alerting().labels())
                || !source.alerting().annotations().equals(back.alerting().annotations())) {
            changes.add("alert labels and annotations " + source.alerting().labels() + " "
                    + source.alerting().annotations() + " become " + back.alerting().labels() + " "
                    + back.alerting().annotations());
        }
        tier(changes, "page", source.alerting().page(), back.alerting().page());
        tier(changes, "ticket", source.alerting().ticket(), back.alerting().ticket());
        if (!changes.isEmpty()) {
            problems.warning(source.location(), "SLO \"" + source.id() + "\": the alerts change as " + to.id()
                    + ": " + String.join("; ", changes), "", to.id() + " decides these itself");
        }
    }

    private static void tier(List<String> changes, String name, AlertTier source, AlertTier back) {
        if (!source.labels().equals(back.labels()) || !source.annotations().equals(back.annotations())) {
            changes.add(name + " labels and annotations " + source.labels() + " " + source.annotations()
                    + " become " + back.labels() + " " + back.annotations());
        }
        if (!source.forDuration().equals(back.forDuration())) {
            changes.add(name + " for " + source.forDuration().map(Durations::format).orElse("(none)") + " becomes "
                    + back.forDuration().map(Durations::format).orElse("(none)"));
        }
    }

    /** The window pairs of an SLO's alerts, page first: {@code 1h/5m×14.4}. */
    static String windows(Slo slo, Duration defaultPeriod) {
        List<String> pairs = new ArrayList<>();
        if (slo.burnRateAlerts().isEmpty()) {
            Duration period = slo.period().orElse(defaultPeriod);
            for (AlertWindows.Window window : AlertWindows.GOOGLE.all()) {
                pairs.add(pair(window.longWindow(), window.shortWindow(), window.factor(period)));
            }
        } else {
            for (BurnRateAlert alert : slo.burnRateAlerts()) {
                pairs.add(pair(alert.longWindow(), alert.shortWindow(), alert.factor()));
            }
        }
        return String.join(", ", pairs);
    }

    private static String pair(Duration longWindow, Duration shortWindow, double factor) {
        return Durations.format(longWindow) + "/" + Durations.format(shortWindow) + "×"
                + new BigDecimal(factor).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static void differs(List<String> lost, String what, Object source, Object back) {
        if (!Objects.equals(source, back)) {
            lost.add(what + " " + source + " becomes " + back);
        }
    }
}
