package io.relia.slo.grafana;

import io.relia.slo.Slo;
import io.relia.slo.rules.SlothRules;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The PromQL of the panels, over the series Sloth's rules record: every query selects an SLO by its
 * {@code sloth_id} label, which the rules put on every series and alert of that SLO.
 */
final class PromQueries {

    /** The join Sloth's own burn-rate recordings use between an SLI window and the error budget. */
    private static final String ON_SLO = " / on(sloth_id, sloth_slo, sloth_service) group_left ";

    private PromQueries() {
    }

    /** {@code {sloth_id="checkout-availability"}}. */
    static String selector(Slo slo) {
        return "{sloth_id=\"" + quote(slo.id()) + "\"}";
    }

    /** The matcher of every SLO in {@code slos}: {@code sloth_id=~"a|b"}, each ID matched literally. */
    static String idMatcher(List<Slo> slos) {
        return "sloth_id=~\"" + quote(slos.stream().map(Slo::id).distinct().map(PromQueries::literalRegex)
                .collect(Collectors.joining("|"))) + "\"";
    }

    /** The SLI (share of good events) over a recorded window: {@code 1 - slo:sli_error:ratio_rate5m{...}}. */
    static String sli(Slo slo, Duration window) {
        return "1 - " + SlothRules.sliRecord(window) + selector(slo);
    }

    /** The burn rate over a recorded window: its error ratio over the error budget, as Sloth computes it. */
    static String burnRate(Slo slo, Duration window) {
        return SlothRules.sliRecord(window) + selector(slo) + ON_SLO + "slo:error_budget:ratio" + selector(slo);
    }

    /** A recorded metadata series of one SLO, such as {@code slo:objective:ratio}. */
    static String meta(String record, Slo slo) {
        return record + selector(slo);
    }

    /**
     * The state of one alert tier as a number: 2 while firing, 1 while pending (with a {@code for:}), 0 otherwise,
     * so a state timeline shows the quiet time too.
     */
    static String alertState(Slo slo, String severity) {
        String alerts = "ALERTS{alertname=\"" + quote(slo.alerting().name()) + "\", sloth_id=\"" + quote(slo.id())
                + "\", sloth_severity=\"" + severity + "\", alertstate=";
        return "2 * max(" + alerts + "\"firing\"}) or max(" + alerts + "\"pending\"}) or vector(0)";
    }

    /** A PromQL string literal's content: backslashes and double quotes escaped. */
    static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A regular expression (RE2, as Prometheus uses) matching exactly {@code value}. */
    static String literalRegex(String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : value.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                regex.append('\\');
            }
            regex.append(c);
        }
        return regex.toString();
    }
}
