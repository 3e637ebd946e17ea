package io.relia.incident.history;

import io.relia.core.Problem;

import java.util.List;

/**
 * What reading an incident history file gave: every entry that could be read, and every problem found. An entry
 * with an error is left out; the others are kept, so one typo does not lose a whole import.
 *
 * @param incidents the entries read, in file order
 * @param problems  errors and warnings, sorted by location
 */
public record IncidentHistory(List<HistoricIncident> incidents, List<Problem> problems) {

    public IncidentHistory {
        incidents = List.copyOf(incidents);
        problems = problems.stream().sorted().toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
