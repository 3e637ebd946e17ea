package io.relia.server;

import io.relia.incident.ActionItem;
import io.relia.incident.Incident;
import io.relia.incident.IncidentQuery;
import io.relia.incident.search.IncidentIndex;
import io.relia.incident.search.KnownIncident;
import io.relia.incident.search.Match;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The server's similar-incident search: one {@link IncidentIndex}, built from the store on first use and then updated
 * with the incidents writes through this server changed (read again from the store at the next search, so the index
 * holds what was committed). Writes by other processes (a CLI on the same SQLite file, another server on the same
 * PostgreSQL) reach it by a full rebuild in the background once the index is a minute old; searches keep using the
 * current index meanwhile.
 */
final class SimilarSearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarSearch.class);
    /** Age after which a search starts a background rebuild, for writes this server did not see. */
    private static final long REBUILD_AFTER_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Changed incidents read one by one up to this many; beyond, one full read is cheaper. */
    private static final int MAX_POINT_UPDATES = 1_000;

    private final WatchedStore store;
    /** Incidents changed since the index last read them. */
    private final Set<Long> changed = ConcurrentHashMap.newKeySet();
    /** Incidents changed while a background rebuild runs: applied to the new index before it replaces the old. */
    private final Set<Long> changedDuringRebuild = ConcurrentHashMap.newKeySet();
    private final Object updating = new Object();
    private IncidentIndex index;
    private long builtAt;
    private volatile boolean rebuilding;
    private boolean closed;

    SimilarSearch(WatchedStore store) {
        this.store = store;
        store.onChange(id -> {
            changed.add(id);
            if (rebuilding) {
                changedDuringRebuild.add(id);
            }
        });
    }

    /** The {@code k} past incidents most like {@code incident} (itself excluded). */
    List<Match> similarTo(Incident incident, int k) {
        return current().similarTo(incident, k);
    }

    /** The {@code k} past incidents best matching {@code text}. */
    List<Match> search(String text, int k) {
        return current().search(text, k);
    }

    private IncidentIndex current() {
        synchronized (updating) {
            if (closed) {
                throw new IllegalStateException("the server is stopping");
            }
            if (index == null || changed.size() > MAX_POINT_UPDATES) {
                changed.clear();
                // A replaced index is left to the garbage collector: searches may still hold it, and it holds
                // nothing but heap.
                index = build();
                builtAt = System.nanoTime();
            } else {
                applyChanges(index, changed);
                if (!rebuilding && System.nanoTime() - builtAt > REBUILD_AFTER_NANOS) {
                    rebuilding = true;
                    changedDuringRebuild.clear();
                    // A platform thread: a second of CPU on a virtual thread would hold a carrier intake needs.
                    Thread.ofPlatform().name("relia-similar-rebuild").daemon().start(this::rebuild);
                }
            }
            return index;
        }
    }

    /** Builds a fresh index off the request path, then swaps it in with what changed meanwhile applied. */
    private void rebuild() {
        IncidentIndex fresh = null;
        try {
            fresh = build();
        } catch (RuntimeException failed) {
            LOG.warn("rebuilding the similar-incident index failed; keeping the current one: {}", failed.toString());
        }
        synchronized (updating) {
            rebuilding = false;
            if (fresh == null) {
                builtAt = System.nanoTime();
                return;
            }
            if (closed) {
                fresh.close();
                return;
            }
            applyChanges(fresh, changedDuringRebuild);
            index = fresh;
            builtAt = System.nanoTime();
        }
    }

    private IncidentIndex build() {
        Map<Long, List<ActionItem>> actions = store.actions(Optional.empty()).stream()
                .collect(Collectors.groupingBy(ActionItem::incidentId));
        return IncidentIndex.of(store.list(IncidentQuery.ALL.openOnly(false)).stream()
                .map(incident -> new KnownIncident(incident, actions.getOrDefault(incident.id(), List.of())))
                .toList());
    }

    private void applyChanges(IncidentIndex target, Set<Long> ids) {
        for (Long id : new ArrayList<>(ids)) {
            ids.remove(id);
            store.find(id).ifPresent(incident -> target.put(new KnownIncident(incident,
                    store.actions(Optional.of(id)))));
        }
    }

    @Override
    public void close() {
        synchronized (updating) {
            closed = true;
            if (index != null) {
                index.close();
                index = null;
            }
        }
    }
}
