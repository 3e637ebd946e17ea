package io.relia.server;

import io.relia.incident.ActionItem;
import io.relia.incident.ApiTokens;
import io.relia.incident.Incident;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.AlertRecord;
import io.relia.incident.intake.IntakeOutcome;
import io.relia.incident.intake.IntakeRules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * The store as the server uses it: every committed write that changes an incident or its action items bumps
 * {@link #version()} and names the incident to the listeners, so the stats cache and the similar-incident index
 * follow writes without re-reading the store per request. Timeline notes, alert receive counts and tokens change
 * neither, so they are not reported. Writes by other processes are not seen here; readers bound their age instead.
 */
final class WatchedStore implements IncidentStore {

    private final IncidentStore store;
    private final AtomicLong version = new AtomicLong();
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

    WatchedStore(IncidentStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Bumped after each committed write that changed an incident; compare to know whether anything changed. */
    long version() {
        return version.get();
    }

    /** Calls {@code listener} with the id of every incident a write changed, after the write committed. */
    void onChange(LongConsumer listener) {
        listeners.add(listener);
    }

    private <T> T changed(long incidentId, T result) {
        version.incrementAndGet();
        listeners.forEach(listener -> listener.accept(incidentId));
        return result;
    }

    @Override
    public Incident create(Incident draft, String actor, Instant at) {
        Incident created = store.create(draft, actor, at);
        return changed(created.id(), created);
    }

    @Override
    public Incident importIncident(Incident draft, List<ActionItem> actions, String actor, String source) {
        Incident imported = store.importIncident(draft, actions, actor, source);
        return changed(imported.id(), imported);
    }

    @Override
    public Incident change(long id, String actor, Instant at, UnaryOperator<Incident> edit) {
        return changed(id, store.change(id, actor, at, edit));
    }

    @Override
    public TimelineEntry note(long id, String actor, Instant at, TimelineEntry.Kind kind, String text) {
        return store.note(id, actor, at, kind, text);
    }

    @Override
    public Optional<Incident> find(long id) {
        return store.find(id);
    }

    @Override
    public List<Incident> list(IncidentQuery query) {
        return store.list(query);
    }

    @Override
    public List<TimelineEntry> timeline(long id) {
        return store.timeline(id);
    }

    @Override
    public ActionItem addAction(ActionItem draft, String actor, Instant at) {
        ActionItem added = store.addAction(draft, actor, at);
        return changed(added.incidentId(), added);
    }

    @Override
    public ActionItem changeAction(long id, String actor, Instant at, UnaryOperator<ActionItem> edit) {
        ActionItem changedItem = store.changeAction(id, actor, at, edit);
        return changed(changedItem.incidentId(), changedItem);
    }

    @Override
    public List<ActionItem> actions(Optional<Long> incidentId) {
        return store.actions(incidentId);
    }

    @Override
    public List<IntakeOutcome> ingest(List<AlertEvent> events, IntakeRules rules, Instant at) {
        List<IntakeOutcome> outcomes = store.ingest(events, rules, at);
        outcomes.stream().flatMap(outcome -> outcome.incident().stream()).mapToLong(Incident::id).distinct()
                .forEach(id -> changed(id, id));
        return outcomes;
    }

    @Override
    public List<AlertRecord> alerts(long incidentId) {
        return store.alerts(incidentId);
    }

    @Override
    public ApiTokens tokens() {
        return store.tokens();
    }

    @Override
    public boolean ping() {
        return store.ping();
    }

    /** The server does not own the store: its caller closes it after the server stopped. */
    @Override
    public void close() {
        // nothing: see above
    }
}
