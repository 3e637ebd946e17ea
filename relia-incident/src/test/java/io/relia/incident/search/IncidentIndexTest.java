package io.relia.incident.search;

import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentSeverity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The index a server keeps open: incidents added and replaced one at a time, searched in between. */
class IncidentIndexTest {

    private static final Instant DECLARED = Instant.parse("2026-11-24T10:00:00Z");

    private static KnownIncident known(long id, String title) {
        return new KnownIncident(Incident.declare(title, IncidentSeverity.SEV2, DECLARED).withId(id), List.of());
    }

    private static List<Long> ids(List<Match> matches) {
        return matches.stream().map(match -> match.incident().id()).toList();
    }

    @Test
    void findsAnIncidentPutAfterTheIndexWasBuilt() {
        try (IncidentIndex index = IncidentIndex.of(List.of(known(1, "Checkout answers 502")))) {
            assertThat(index.search("certificate expired", 5)).isEmpty();

            index.put(known(2, "TLS certificate expired on payments"));

            assertThat(ids(index.search("certificate expired", 5))).containsExactly(2L);
            assertThat(index.size()).isEqualTo(2);
        }
    }

    @Test
    void replacesTheVersionIndexedUnderAnId() {
        try (IncidentIndex index = IncidentIndex.of(List.of(known(1, "Checkout answers 502")))) {
            Incident edited = index.get(1).orElseThrow().incident()
                    .withAnalysis(Analysis.EMPTY.withRootCause("the pods hit their file descriptor ulimit"));

            index.put(new KnownIncident(edited, List.of()));

            assertThat(index.size()).isEqualTo(1);
            assertThat(index.search("ulimit", 5)).singleElement().satisfies(match ->
                    assertThat(match.why()).contains("root cause"));
            assertThat(index.get(1)).hasValueSatisfying(entry ->
                    assertThat(entry.incident().analysis().rootCause()).contains("ulimit"));
        }
    }

    @Test
    void leavesTheQueryIncidentOutOfItsOwnSimilarIncidents() {
        KnownIncident first = known(1, "Checkout answers 502 after deploy");
        try (IncidentIndex index = IncidentIndex.of(List.of(first, known(2, "Checkout answers 502 again")))) {
            assertThat(ids(index.similarTo(first.incident(), 5))).containsExactly(2L);
        }
    }

    @Test
    void indexesOnlyStoredIncidents() {
        Incident unstored = Incident.declare("draft", IncidentSeverity.SEV3, DECLARED);
        try (IncidentIndex index = IncidentIndex.of(List.of(new KnownIncident(unstored, List.of())))) {
            assertThat(index.size()).isZero();
            assertThatThrownBy(() -> index.put(new KnownIncident(unstored, List.of())))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
