package io.relia.slo.backtest;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.SpecLoader;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a list of known incidents for a backtest: {@code incidents: [{name, start, end}]} with RFC 3339 times.
 */
public final class KnownIncidents {

    private KnownIncidents() {
    }

    public static List<Backtester.KnownIncident> read(Path file) {
        LoadResult loaded = SpecLoader.load(file);
        if (loaded.hasErrors() || loaded.file().isEmpty()) {
            throw new InputException(loaded.problems());
        }
        List<Problem> problems = new ArrayList<>();
        List<Backtester.KnownIncident> incidents = new ArrayList<>();
        Node root = loaded.file().get().documents().getFirst().root();
        Optional<ListNode> list = root instanceof MapNode map ? map.list("incidents") : Optional.empty();
        if (list.isEmpty()) {
            throw new InputException(Problem.error(root instanceof MapNode ? root.location()
                    : Location.wholeFile(file), "no incidents list", "incidents: [{name, start, end}, ...]", ""));
        }
        for (int i = 0; i < list.get().size(); i++) {
            Node item = list.get().get(i);
            if (!(item instanceof MapNode incident)) {
                problems.add(Problem.error(item.location(), "incidents[" + i + "] is not a mapping",
                        "{name, start, end}", ""));
                continue;
            }
            String name = incident.text("name").orElse("incident-" + (i + 1));
            Optional<Instant> start = time(incident, "start", i, problems);
            Optional<Instant> end = time(incident, "end", i, problems);
            if (start.isPresent() && end.isPresent()) {
                if (end.get().isBefore(start.get())) {
                    problems.add(Problem.error(incident.locationOf("end"), "incidents[" + i + "].end is before its "
                            + "start", "an end at or after " + start.get(), ""));
                } else {
                    incidents.add(new Backtester.KnownIncident(name, new Interval(start.get(), end.get())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        return incidents;
    }

    private static Optional<Instant> time(MapNode incident, String key, int index, List<Problem> problems) {
        Optional<String> text = incident.text(key);
        if (text.isEmpty()) {
            problems.add(Problem.error(incident.location(), "missing key \"incidents[" + index + "]." + key + "\"",
                    "an RFC 3339 time such as 2026-10-09T12:00:00Z", ""));
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.get().trim()).toInstant());
        } catch (DateTimeParseException bad) {
            problems.add(Problem.error(incident.get(key).map(Node::location).orElse(incident.location()),
                    "\"" + text.get() + "\" is not a time", "an RFC 3339 time such as 2026-10-09T12:00:00Z", ""));
            return Optional.empty();
        }
    }
}
