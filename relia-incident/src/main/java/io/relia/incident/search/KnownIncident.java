package io.relia.incident.search;

import io.relia.incident.ActionItem;
import io.relia.incident.Incident;

import java.util.List;
import java.util.Objects;

/** A past incident the search knows, with the action items its postmortem produced. */
public record KnownIncident(Incident incident, List<ActionItem> actionItems) {

    public KnownIncident {
        Objects.requireNonNull(incident, "incident");
        actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
    }
}
