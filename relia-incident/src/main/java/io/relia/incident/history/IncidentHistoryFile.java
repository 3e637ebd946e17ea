package io.relia.incident.history;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.SpecLoader;
import io.relia.core.spec.SpecSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an incident history file (YAML or JSON, {@code schemas/incident-history.schema.json}): the past incidents a
 * team imports from PagerDuty exports or wiki postmortems. Never throws on bad content: every mistake is a located
 * {@link Problem} with a hint, and entries without errors are kept.
 */
public final class IncidentHistoryFile {

    private static final SpecSchema SCHEMA = SpecSchema.named("incident-history");

    private IncidentHistoryFile() {
    }

    /** Reads the file at {@code path}. */
    public static IncidentHistory read(Path path) {
        return read(SpecLoader.load(path));
    }

    /** Reads text already in memory; {@code path} names it in messages and chooses JSON ({@code .json}) or YAML. */
    public static IncidentHistory parse(Path path, String text) {
        return read(SpecLoader.parse(path, text));
    }

    private static IncidentHistory read(LoadResult loaded) {
        Problems problems = new Problems();
        Optional<Node> root = loaded.onlyDocument("incident history", problems);
        if (root.isEmpty()) {
            return new IncidentHistory(List.of(), problems.sorted());
        }
        List<Problem> schemaProblems = SCHEMA.validate(root.get());
        problems.addAll(schemaProblems);
        if (!(root.get() instanceof MapNode map) || !(map.get("incidents").orElse(null) instanceof ListNode list)) {
            return new IncidentHistory(List.of(), problems.sorted());
        }
        List<HistoricIncident> incidents = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof MapNode entry && !hasErrorsWithin(schemaProblems, list, i)) {
                HistoryEntryReader.read(new Fields(entry, problems, "incidents[" + i + "]"))
                        .ifPresent(incidents::add);
            }
        }
        return new IncidentHistory(incidents, problems.sorted());
    }

    /** True when a schema error lies inside entry {@code index}: from its start to the start of the next entry. */
    private static boolean hasErrorsWithin(List<Problem> schemaProblems, ListNode list, int index) {
        Location start = list.get(index).location();
        Location end = index + 1 < list.size() ? list.get(index + 1).location() : null;
        return schemaProblems.stream().filter(Problem::isError).map(Problem::location)
                .anyMatch(at -> at.compareTo(start) >= 0 && (end == null || at.compareTo(end) < 0));
    }
}
