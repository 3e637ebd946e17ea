package io.relia.server.intake;

import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert of a webhook that was not stored, and why: a field no retry can fix, or the store refusing it. The other
 * alerts of the webhook are stored all the same.
 *
 * @param index       its position in the webhook's {@code alerts}
 * @param fingerprint its fingerprint as sent, if any (at most 64 characters)
 * @param alertname   its {@code alertname} label as sent, if any (at most 64 characters)
 * @param reason      what is wrong, naming the field
 */
record SkippedAlert(int index, String fingerprint, String alertname, String reason) {

    /** The skipped alert at {@code index} of the webhook, read as far as it can be. */
    static SkippedAlert of(int index, JsonNode alert, String reason) {
        return new SkippedAlert(index, SenderTime.shown(alert.path("fingerprint").asString("")),
                SenderTime.shown(alert.path("labels").path("alertname").asString("")), reason);
    }

    /** As the webhook's answer lists it. */
    Map<String, Object> json() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("index", index);
        row.put("fingerprint", fingerprint);
        row.put("alertname", alertname);
        row.put("reason", reason);
        return row;
    }
}
