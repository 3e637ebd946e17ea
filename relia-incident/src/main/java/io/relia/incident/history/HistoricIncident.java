package io.relia.incident.history;

import io.relia.core.Location;
import io.relia.incident.ActionItem;
import io.relia.incident.Incident;

import java.util.List;
import java.util.Objects;

/**
 * One past incident read from a history file, not stored yet: the incident (id 0), its action items (id 0, incident
 * id 0) and where its entry is written, so later steps can point back at the file.
 *
 * @param location where the entry starts ({@code file:line:column})
 */
public record HistoricIncident(Incident incident, List<ActionItem> actionItems, Location location) {

    public HistoricIncident {
        Objects.requireNonNull(incident, "incident");
        actionItems = List.copyOf(actionItems);
        Objects.requireNonNull(location, "location");
    }
}
