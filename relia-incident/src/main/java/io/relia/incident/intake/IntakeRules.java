package io.relia.incident.intake;

import io.relia.incident.IncidentSeverity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How incoming alerts become incidents: which labels group firing alerts into one open incident, for how long a
 * group stays joinable after its last alert, and how an alert's severity label maps to a SEV. Set in the
 * {@code intake} section of {@code incidents.yaml}.
 *
 * @param groupBy         labels whose values form the group key (default {@code service}); an alert without any of
 *                        them groups by its {@code alertname}
 * @param window          a firing alert joins the open incident of its group if that group's last alert arrived
 *                        within this long; otherwise it opens a new incident
 * @param severityLabel   the label holding the alert's severity (default {@code severity})
 * @param severityMap     label value (lower case) to SEV; {@code SEV1}…{@code SEV4} as values map to themselves
 * @param defaultSeverity severity of an alert whose label is missing or unmapped
 */
public record IntakeRules(List<String> groupBy, Duration window, String severityLabel,
                          Map<String, IncidentSeverity> severityMap, IncidentSeverity defaultSeverity) {

    /**
     * Group by {@code service} for 1 h; {@code critical} → SEV2 (SEV1 is a human call: a major, customer-visible
     * outage), {@code error}/{@code high}/{@code page} → SEV2, {@code warning} → SEV3, {@code info}/{@code low} →
     * SEV4; anything else SEV3.
     */
    public static final IntakeRules DEFAULT = new IntakeRules(List.of("service"), Duration.ofHours(1), "severity",
            Map.of("critical", IncidentSeverity.SEV2, "error", IncidentSeverity.SEV2, "high", IncidentSeverity.SEV2,
                    "page", IncidentSeverity.SEV2, "warning", IncidentSeverity.SEV3, "info", IncidentSeverity.SEV4,
                    "low", IncidentSeverity.SEV4),
            IncidentSeverity.SEV3);

    /** Longest stored group key; longer keys keep their start and a hash of the whole. */
    public static final int MAX_GROUP_KEY = 500;

    public IntakeRules {
        groupBy = List.copyOf(groupBy);
        if (groupBy.isEmpty()) {
            throw new IllegalArgumentException("group_by needs at least one label");
        }
        Objects.requireNonNull(window, "window");
        Map<String, IncidentSeverity> lower = new LinkedHashMap<>();
        severityMap.forEach((value, sev) -> lower.put(value.toLowerCase(Locale.ROOT), sev));
        severityMap = Map.copyOf(lower);
        Objects.requireNonNull(defaultSeverity, "defaultSeverity");
    }

    /** The SEV for an alert with these labels. */
    public IncidentSeverity severity(Map<String, String> labels) {
        String value = labels.getOrDefault(severityLabel, "").strip().toLowerCase(Locale.ROOT);
        IncidentSeverity mapped = severityMap.get(value);
        if (mapped != null) {
            return mapped;
        }
        return IncidentSeverity.named(value).orElse(defaultSeverity);
    }

    /**
     * The group an alert belongs to: {@code service=checkout} (values of the grouping labels it has, in order), or
     * {@code alertname=X} when it has none of them.
     */
    public String groupKey(Map<String, String> labels) {
        StringBuilder key = new StringBuilder();
        for (String label : groupBy) {
            String value = labels.get(label);
            if (value != null && !value.isBlank()) {
                key.append(key.isEmpty() ? "" : ",").append(label).append('=').append(value);
            }
        }
        String text = key.isEmpty() ? "alertname=" + labels.getOrDefault("alertname", "") : key.toString();
        return text.length() <= MAX_GROUP_KEY ? text : text.substring(0, MAX_GROUP_KEY - 65) + "#" + sha256(text);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
