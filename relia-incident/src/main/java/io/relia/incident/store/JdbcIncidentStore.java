package io.relia.incident.store;

import io.relia.incident.ActionItem;
import io.relia.incident.FieldChange;
import io.relia.incident.Incident;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentRules;
import io.relia.incident.IncidentStore;
import io.relia.incident.IncidentTimes;
import io.relia.incident.TimelineEntry;
import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.AlertRecord;
import io.relia.incident.intake.IntakeOutcome;
import io.relia.incident.intake.IntakeRules;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The incident store over JDBC: SQLite or PostgreSQL through the same SQL. Every write is checked against
 * {@link IncidentRules} at the store's clock before anything is written.
 */
final class JdbcIncidentStore implements IncidentStore {

    private final Database database;
    private final TokenRows tokens;

    JdbcIncidentStore(Database database) {
        this.database = database;
        this.tokens = new TokenRows(database);
    }

    @Override
    public io.relia.incident.ApiTokens tokens() {
        return tokens;
    }

    @Override
    public boolean ping() {
        try {
            return database.read(connection -> connection.isValid(2));
        } catch (StoreException unreachable) {
            return false;
        }
    }

    @Override
    public Incident create(Incident draft, String actor, Instant at) {
        IncidentRules.requireValid(draft, Instant.now());
        IncidentRules.requirePlausibleEntry(at, Instant.now());
        return database.inTransaction(connection -> {
            long id = IncidentRows.insert(connection, draft);
            Incident stored = draft.withId(id);
            insertEntry(connection, new TimelineEntry(0, id, at, actor, TimelineEntry.Kind.CREATED, "", "", "",
                    "declared " + stored.severity() + ": " + stored.title()));
            return stored;
        });
    }

    @Override
    public Incident importIncident(Incident draft, List<ActionItem> actions, String actor, String source) {
        IncidentRules.requireValid(draft, Instant.now());
        actions.forEach(action -> IncidentRules.requireValid(null, action));
        return database.inTransaction(connection -> {
            long id = IncidentRows.insert(connection, draft);
            Incident stored = draft.withId(id);
            IncidentTimes times = stored.times();
            insertEntry(connection, new TimelineEntry(0, id, times.declared(), actor, TimelineEntry.Kind.CREATED, "",
                    "", "", "declared " + stored.severity() + ": " + stored.title() + " (imported from " + source
                    + ")"));
            Map<String, Instant> moments = new LinkedHashMap<>();
            moments.put("impact_started", times.impactStarted());
            moments.put("acknowledged", times.acknowledged());
            moments.put("mitigated", times.mitigated());
            moments.put("resolved", times.resolved());
            moments.put("closed", times.closed());
            for (Map.Entry<String, Instant> moment : moments.entrySet()) {
                if (moment.getValue() != null) {
                    insertEntry(connection, new TimelineEntry(0, id, moment.getValue(), actor,
                            TimelineEntry.Kind.CHANGED, moment.getKey(), "", moment.getValue().toString(), ""));
                }
            }
            for (ActionItem action : actions) {
                ActionRows.insert(connection, new ActionItem(0, id, action.title(), action.type(), action.owner(),
                        action.priority(), action.due(), action.status(), action.link(), action.created(),
                        action.updated()));
            }
            return stored;
        });
    }

    @Override
    public Incident change(long id, String actor, Instant at, UnaryOperator<Incident> edit) {
        return database.inTransaction(connection -> {
            Incident before = lockedIncident(connection, id);
            Incident after = edit.apply(before);
            if (after.id() != id) {
                throw new IllegalStateException("an edit may not change the incident's id");
            }
            List<FieldChange> changes = after.changesFrom(before);
            if (changes.isEmpty()) {
                return before;
            }
            Instant now = Instant.now();
            IncidentRules.requireValidChange(before, after, now);
            IncidentRules.requirePlausibleEntry(at, now);
            IncidentRows.update(connection, after);
            for (FieldChange change : changes) {
                insertEntry(connection, new TimelineEntry(0, id, at, actor, TimelineEntry.Kind.CHANGED,
                        change.field(), change.before(), change.after(), ""));
            }
            return after;
        });
    }

    @Override
    public TimelineEntry note(long id, String actor, Instant at, TimelineEntry.Kind kind, String text) {
        if (text == null || text.isBlank()) {
            throw new IncidentException("a note needs text");
        }
        IncidentRules.requirePlausibleEntry(at, Instant.now());
        return database.inTransaction(connection -> {
            lockedIncident(connection, id);
            return insertEntry(connection, new TimelineEntry(0, id, at, actor, kind, "", "", "", text.strip()));
        });
    }

    @Override
    public Optional<Incident> find(long id) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + IncidentRows.COLUMNS + " FROM incidents WHERE id = ?")) {
                select.setLong(1, id);
                return IncidentRows.read(connection, select).stream().findFirst();
            }
        });
    }

    @Override
    public List<Incident> list(IncidentQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + IncidentRows.COLUMNS + " FROM incidents WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (query.openOnly()) {
            sql.append(" AND status NOT IN ('RESOLVED', 'CLOSED')");
        }
        query.status().ifPresent(status -> {
            sql.append(" AND status = ?");
            parameters.add(status.name());
        });
        query.severity().ifPresent(severity -> {
            sql.append(" AND severity = ?");
            parameters.add(severity.name());
        });
        query.service().ifPresent(service -> {
            sql.append(" AND id IN (SELECT incident_id FROM incident_services WHERE service = ?)");
            parameters.add(service);
        });
        query.since().ifPresent(since -> {
            sql.append(" AND declared_at >= ?");
            parameters.add(since.toEpochMilli());
        });
        sql.append(" ORDER BY declared_at DESC, id DESC");
        if (query.limit() != Integer.MAX_VALUE) {
            sql.append(" LIMIT ?");
            parameters.add((long) query.limit());
        }
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < parameters.size(); i++) {
                    select.setObject(i + 1, parameters.get(i));
                }
                return IncidentRows.read(connection, select);
            }
        });
    }

    @Override
    public List<TimelineEntry> timeline(long id) {
        return database.read(connection -> {
            List<TimelineEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, incident_id, occurred_at, actor,"
                    + " entry_kind, field, before_value, after_value, body FROM timeline WHERE incident_id = ?"
                    + " ORDER BY occurred_at, id")) {
                select.setLong(1, id);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        entries.add(new TimelineEntry(result.getLong(1), result.getLong(2),
                                Instant.ofEpochMilli(result.getLong(3)), result.getString(4),
                                TimelineEntry.Kind.valueOf(result.getString(5)), result.getString(6),
                                result.getString(7), result.getString(8), result.getString(9)));
                    }
                }
            }
            return entries;
        });
    }

    @Override
    public ActionItem addAction(ActionItem draft, String actor, Instant at) {
        IncidentRules.requireValid(null, draft);
        return database.inTransaction(connection -> {
            lockedIncident(connection, draft.incidentId());
            ActionItem stored = ActionRows.insert(connection, draft);
            insertEntry(connection, new TimelineEntry(0, draft.incidentId(), at, actor, TimelineEntry.Kind.ACTION,
                    "", "", "", "action item " + stored.reference() + " added (" + stored.type().label() + ", "
                    + stored.priority() + (stored.owner().isEmpty() ? "" : ", owner " + stored.owner()) + "): "
                    + stored.title()));
            return stored;
        });
    }

    @Override
    public ActionItem changeAction(long id, String actor, Instant at, UnaryOperator<ActionItem> edit) {
        return database.inTransaction(connection -> {
            ActionItem before = lockedAction(connection, id);
            ActionItem after = edit.apply(before);
            if (after.id() != id || after.incidentId() != before.incidentId()) {
                throw new IllegalStateException("an edit may not move an action item");
            }
            if (after.withStatus(after.status(), before.updated()).equals(before)) {
                return before;
            }
            IncidentRules.requireValid(before, after);
            try (PreparedStatement update = connection.prepareStatement("UPDATE action_items SET title = ?,"
                    + " item_type = ?, owner_name = ?, priority = ?, due_date = ?, status = ?, link = ?,"
                    + " updated_at = ? WHERE id = ?")) {
                int next = ActionRows.bind(update, 1, after);
                IncidentRows.setTime(update, next++, after.updated());
                update.setLong(next, id);
                update.executeUpdate();
            }
            insertEntry(connection, new TimelineEntry(0, after.incidentId(), at, actor, TimelineEntry.Kind.ACTION,
                    "", "", "", "action item " + after.reference() + " " + ActionRows.describeChange(before, after)));
            return after;
        });
    }

    @Override
    public List<ActionItem> actions(Optional<Long> incidentId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ActionRows.COLUMNS
                    + " FROM action_items" + (incidentId.isPresent() ? " WHERE incident_id = ?" : "")
                    + " ORDER BY id")) {
                if (incidentId.isPresent()) {
                    select.setLong(1, incidentId.get());
                }
                return ActionRows.read(select);
            }
        });
    }

    @Override
    public List<IntakeOutcome> ingest(List<AlertEvent> events, IntakeRules rules, Instant at) {
        if (events.isEmpty()) {
            return List.of();
        }
        return database.inTransaction(connection -> {
            try (StatementCache statements = new StatementCache(connection)) {
                return new AlertIntakeWork(statements, database.dialect(), rules, at).apply(events);
            }
        });
    }

    @Override
    public List<AlertRecord> alerts(long incidentId) {
        return database.read(connection -> AlertRows.ofIncident(connection, incidentId));
    }

    @Override
    public void close() {
        database.close();
    }

    private Incident lockedIncident(Connection connection, long id) throws SQLException {
        return lockedIncident(connection, database.dialect(), id);
    }

    static Incident lockedIncident(Connection connection, Dialect dialect, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + IncidentRows.COLUMNS
                + " FROM incidents WHERE id = ?" + dialect.lockRow())) {
            select.setLong(1, id);
            return IncidentRows.read(connection, select).stream().findFirst()
                    .orElseThrow(() -> new IncidentException("no incident INC-" + id));
        }
    }

    private ActionItem lockedAction(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ActionRows.COLUMNS
                + " FROM action_items WHERE id = ?" + database.dialect().lockRow())) {
            select.setLong(1, id);
            return ActionRows.read(select).stream().findFirst()
                    .orElseThrow(() -> new IncidentException("no action item ACT-" + id));
        }
    }

    private static final String INSERT_ENTRY = "INSERT INTO timeline (incident_id, occurred_at, actor, entry_kind,"
            + " field, before_value, after_value, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    static TimelineEntry insertEntry(Connection connection, TimelineEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_ENTRY)) {
            return insertEntry(insert, entry);
        }
    }

    static TimelineEntry insertEntry(StatementCache statements, TimelineEntry entry) throws SQLException {
        return insertEntry(statements.get(INSERT_ENTRY), entry);
    }

    private static TimelineEntry insertEntry(PreparedStatement insert, TimelineEntry entry) throws SQLException {
        insert.setLong(1, entry.incidentId());
        insert.setLong(2, entry.at().toEpochMilli());
        insert.setString(3, entry.actor());
        insert.setString(4, entry.kind().name());
        insert.setString(5, entry.field());
        insert.setString(6, entry.before());
        insert.setString(7, entry.after());
        insert.setString(8, entry.text());
        try (ResultSet keys = insert.executeQuery()) {
            keys.next();
            return new TimelineEntry(keys.getLong(1), entry.incidentId(), entry.at(), entry.actor(),
                    entry.kind(), entry.field(), entry.before(), entry.after(), entry.text());
        }
    }
}
