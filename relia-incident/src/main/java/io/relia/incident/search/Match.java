package io.relia.incident.search;

import io.relia.incident.ActionItem;
import io.relia.incident.Incident;

import java.util.List;
import java.util.Objects;

/**
 * A past incident found similar to a query.
 *
 * @param score BM25 score; comparable within one answer only
 * @param why   the matching words as the incident wrote them (most telling first; matched stemmed) and the fields
 *              they matched in, e.g. {@code "certificate, expired in title, root cause"}
 */
public record Match(Incident incident, double score, List<ActionItem> actionItems, String why) {

    public Match {
        Objects.requireNonNull(incident, "incident");
        actionItems = List.copyOf(actionItems);
        why = why == null ? "" : why;
    }
}
