package io.relia.incident.store;

import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.AlertRecord;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads and writes the alerts table; labels and annotations are JSON objects in text columns. */
final class AlertRows {

    static final String COLUMNS = "a.id, a.incident_id, a.source, a.alert_key, a.status, a.alertname, a.group_key,"
            + " a.labels, a.annotations, a.generator_url, a.starts_at, a.ends_at, a.first_received_at,"
            + " a.last_received_at, a.receive_count";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> STRINGS = new TypeReference<>() {
    };

    private AlertRows() {
    }

    /** The newest row for an alert identity: its id, incident, state and name, and whether the incident is open. */
    record Latest(long id, long incidentId, boolean firing, String alertname, boolean incidentOpen) {
    }

    static Optional<Latest> latest(StatementCache statements, AlertEvent.Source source, String key)
            throws SQLException {
        PreparedStatement select = statements.get("SELECT a.id, a.incident_id, a.status, a.alertname, i.status"
                + " FROM alerts a JOIN incidents i ON i.id = a.incident_id WHERE a.source = ? AND a.alert_key = ?"
                + " ORDER BY a.id DESC LIMIT 1");
        select.setString(1, source.name());
        select.setString(2, key);
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            String status = rows.getString(5);
            return Optional.of(new Latest(rows.getLong(1), rows.getLong(2), "FIRING".equals(rows.getString(3)),
                    rows.getString(4), !"RESOLVED".equals(status) && !"CLOSED".equals(status)));
        }
    }

    /** The open incident {@code groupKey} last fed, if its last alert arrived at or after {@code since}. */
    static Optional<Long> openIncidentOfGroup(StatementCache statements, String groupKey, Instant since)
            throws SQLException {
        PreparedStatement select = statements.get("SELECT g.incident_id FROM alert_groups g"
                + " JOIN incidents i ON i.id = g.incident_id WHERE g.group_key = ? AND g.last_received_at >= ?"
                + " AND i.status IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING')");
        select.setString(1, groupKey);
        select.setLong(2, since.toEpochMilli());
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
        }
    }

    /** Records that {@code groupKey}'s newest alert, at {@code at}, fed {@code incidentId}. */
    static void touchGroup(StatementCache statements, String groupKey, long incidentId, Instant at)
            throws SQLException {
        PreparedStatement update = statements.get(
                "UPDATE alert_groups SET incident_id = ?, last_received_at = ? WHERE group_key = ?");
        update.setLong(1, incidentId);
        update.setLong(2, at.toEpochMilli());
        update.setString(3, groupKey);
        if (update.executeUpdate() == 0) {
            PreparedStatement insert = statements.get(
                    "INSERT INTO alert_groups (group_key, incident_id, last_received_at) VALUES (?, ?, ?)");
            insert.setString(1, groupKey);
            insert.setLong(2, incidentId);
            insert.setLong(3, at.toEpochMilli());
            insert.executeUpdate();
        }
    }

    static void insert(StatementCache statements, long incidentId, AlertEvent event, String groupKey, Instant at)
            throws SQLException {
        PreparedStatement insert = statements.get("INSERT INTO alerts (incident_id, source,"
                + " alert_key, status, alertname, group_key, labels, annotations, generator_url, starts_at, ends_at,"
                + " first_received_at, last_received_at, receive_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " 1)");
        insert.setLong(1, incidentId);
        insert.setString(2, event.source().name());
        insert.setString(3, event.key());
        insert.setString(4, event.action() == AlertEvent.Action.RESOLVED ? "RESOLVED" : "FIRING");
        insert.setString(5, clip(event.alertname(), 200));
        insert.setString(6, groupKey);
        insert.setString(7, JSON.writeValueAsString(new TreeMap<>(event.labels())));
        insert.setString(8, JSON.writeValueAsString(new TreeMap<>(event.annotations())));
        insert.setString(9, event.generatorUrl());
        IncidentRows.setTime(insert, 10, event.startsAt().orElse(null));
        IncidentRows.setTime(insert, 11, event.endsAt().orElse(null));
        insert.setLong(12, at.toEpochMilli());
        insert.setLong(13, at.toEpochMilli());
        insert.executeUpdate();
    }

    /** Records a repeat, or a change of state (firing again, resolved), of an alert's row. */
    static void update(StatementCache statements, long id, boolean firing, AlertEvent event, Instant at)
            throws SQLException {
        PreparedStatement update = statements.get("UPDATE alerts SET status = ?, ends_at = ?,"
                + " starts_at = COALESCE(?, starts_at), annotations = COALESCE(?, annotations), last_received_at = ?,"
                + " receive_count = receive_count + 1 WHERE id = ?");
        update.setString(1, firing ? "FIRING" : "RESOLVED");
        IncidentRows.setTime(update, 2, firing ? null : event.endsAt().orElse(at));
        IncidentRows.setTime(update, 3, event.startsAt().orElse(null));
        // Acknowledge and resolve events often carry no annotations; keep the ones the alert fired with.
        update.setString(4, event.annotations().isEmpty() ? null
                : JSON.writeValueAsString(new TreeMap<>(event.annotations())));
        update.setLong(5, at.toEpochMilli());
        update.setLong(6, id);
        update.executeUpdate();
    }

    /** How many of an incident's alerts are firing. */
    static int firing(StatementCache statements, long incidentId) throws SQLException {
        PreparedStatement select = statements.get(
                "SELECT COUNT(*) FROM alerts WHERE incident_id = ? AND status = 'FIRING'");
        select.setLong(1, incidentId);
        try (ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static List<AlertRecord> ofIncident(Connection connection, long incidentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM alerts a WHERE a.incident_id = ? ORDER BY a.first_received_at, a.id")) {
            select.setLong(1, incidentId);
            List<AlertRecord> alerts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    alerts.add(read(rows));
                }
            }
            return alerts;
        }
    }

    private static AlertRecord read(ResultSet rows) throws SQLException {
        return new AlertRecord(rows.getLong("id"), rows.getLong("incident_id"),
                AlertEvent.Source.valueOf(rows.getString("source")), rows.getString("alert_key"),
                "FIRING".equals(rows.getString("status")), rows.getString("alertname"), rows.getString("group_key"),
                strings(rows.getString("labels")), strings(rows.getString("annotations")),
                rows.getString("generator_url"), Optional.ofNullable(IncidentRows.time(rows, "starts_at")),
                Optional.ofNullable(IncidentRows.time(rows, "ends_at")), IncidentRows.time(rows, "first_received_at"),
                IncidentRows.time(rows, "last_received_at"), rows.getLong("receive_count"));
    }

    private static Map<String, String> strings(String json) {
        return JSON.readValue(json, STRINGS);
    }

    static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
