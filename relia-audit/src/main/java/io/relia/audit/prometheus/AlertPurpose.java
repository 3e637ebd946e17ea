package io.relia.audit.prometheus;

import io.relia.audit.prometheus.MetricMeanings.Meaning;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an alerting rule is for, where that changes which rules apply to it. Most alerts are conditions a person
 * answers; three kinds are not, and rules whose reason does not hold for them leave them alone:
 * <ul>
 *   <li>a heartbeat (dead man's switch) fires at once and forever by design: kube-prometheus' {@code Watchdog}
 *       ({@code expr: vector(1)}) proves the alerting pipeline works, and an outside service pages when it stops
 *       arriving;</li>
 *   <li>a meta-alert reads only {@code ALERTS}: kube-prometheus' {@code InfoInhibitor} exists to inhibit info
 *       alerts, and the alerts it reads already waited their own {@code for:};</li>
 *   <li>a deadline counts down to a date (certificate expiry, TTL) or up from one ({@code time() - last_success})
 *       and crosses its threshold once: it cannot flap, so a {@code for:} only delays it.</li>
 * </ul>
 */
enum AlertPurpose {
    HEARTBEAT, META, DEADLINE, CONDITION;

    /** Alert names teams give heartbeats, compared without case or separators. */
    private static final Set<String> HEARTBEAT_NAMES = Set.of("watchdog", "deadmansswitch", "deadmanswitch",
            "deadmanssnitch", "alwaysfiring");
    /** What a heartbeat's annotations say about it (kube-prometheus: "This alert is always firing"). */
    private static final Pattern HEARTBEAT_TEXT = Pattern.compile("dead\\s*man'?s?\\s*(switch|snitch)|always\\s+"
            + "(be\\s+)?firing", Pattern.CASE_INSENSITIVE);
    private static final Set<String> ALERT_SERIES = Set.of("ALERTS", "ALERTS_FOR_STATE");
    /** Counting up from a date: {@code time()} minus one of these; counting down: a {@code DEADLINE} metric. */
    private static final Pattern TIMESTAMP = Pattern.compile(".*(timestamp|_time_seconds|_start_time|_time)"
            + "(_seconds)?");

    static AlertPurpose of(AlertingRule alert, PromQlScan scan) {
        List<String> metrics = scan.metrics();
        if (scan.constant() || HEARTBEAT_NAMES.contains(RunbookIndex.normalise(alert.name()))
                || alert.annotations().stream().anyMatch(text -> HEARTBEAT_TEXT.matcher(text).find())) {
            return HEARTBEAT;
        }
        if (!metrics.isEmpty() && ALERT_SERIES.containsAll(metrics)) {
            return META;
        }
        if (metrics.stream().anyMatch(metric -> MetricMeanings.of(metric).equals(Optional.of(Meaning.DEADLINE)))
                || scan.readsTime() && metrics.stream().anyMatch(metric -> TIMESTAMP.matcher(metric).matches())) {
            return DEADLINE;
        }
        return CONDITION;
    }
}
