package io.relia.incident.store;

import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentTimes;
import io.relia.incident.Role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes incidents: the main row and its services, labels, links and roles. SQL with bound parameters
 * only. */
final class IncidentRows {

    static final String COLUMNS = "id, title, summary, severity, status, drill, declared_at, impact_started_at,"
            + " detected_at, acknowledged_at, mitigated_at, resolved_at, closed_at, postmortem_completed_at,"
            + " root_cause, trigger_text, resolution, detection, impact, went_well, went_wrong, got_lucky, five_whys";
    private static final String VALUES = "title = ?, summary = ?, severity = ?, status = ?, drill = ?,"
            + " declared_at = ?, impact_started_at = ?, detected_at = ?, acknowledged_at = ?, mitigated_at = ?,"
            + " resolved_at = ?, closed_at = ?, postmortem_completed_at = ?, root_cause = ?, trigger_text = ?,"
            + " resolution = ?, detection = ?, impact = ?, went_well = ?, went_wrong = ?, got_lucky = ?,"
            + " five_whys = ?";
    private static final String FIVE_WHYS_SEPARATOR = "\n";

    private IncidentRows() {
    }

    static long insert(Connection connection, Incident incident) throws SQLException {
        String sql = "INSERT INTO incidents (title, summary, severity, status, drill, declared_at, impact_started_at,"
                + " detected_at, acknowledged_at, mitigated_at, resolved_at, closed_at, postmortem_completed_at,"
                + " root_cause, trigger_text, resolution, detection, impact, went_well, went_wrong, got_lucky,"
                + " five_whys, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
                + " RETURNING id";
        long id;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindFields(statement, incident);
            try (ResultSet keys = statement.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        writeChildren(connection, id, incident);
        return id;
    }

    static void update(Connection connection, Incident incident) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE incidents SET " + VALUES + ", version = version + 1 WHERE id = ?")) {
            int next = bindFields(statement, incident);
            statement.setLong(next, incident.id());
            statement.executeUpdate();
        }
        for (String table : List.of("incident_services", "incident_labels", "incident_links", "incident_roles")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE incident_id = ?")) {
                delete.setLong(1, incident.id());
                delete.executeUpdate();
            }
        }
        writeChildren(connection, incident.id(), incident);
    }

    private static int bindFields(PreparedStatement statement, Incident incident) throws SQLException {
        IncidentTimes times = incident.times();
        Analysis analysis = incident.analysis();
        int i = 1;
        statement.setString(i++, incident.title());
        statement.setString(i++, incident.summary());
        statement.setString(i++, incident.severity().name());
        statement.setString(i++, incident.status().name());
        statement.setBoolean(i++, incident.drill());
        setTime(statement, i++, times.declared());
        setTime(statement, i++, times.impactStarted());
        setTime(statement, i++, times.detected());
        setTime(statement, i++, times.acknowledged());
        setTime(statement, i++, times.mitigated());
        setTime(statement, i++, times.resolved());
        setTime(statement, i++, times.closed());
        setTime(statement, i++, times.postmortemCompleted());
        statement.setString(i++, analysis.rootCause());
        statement.setString(i++, analysis.trigger());
        statement.setString(i++, analysis.resolution());
        statement.setString(i++, analysis.detection());
        statement.setString(i++, analysis.impact());
        statement.setString(i++, analysis.wentWell());
        statement.setString(i++, analysis.wentWrong());
        statement.setString(i++, analysis.gotLucky());
        statement.setString(i++, String.join(FIVE_WHYS_SEPARATOR, analysis.fiveWhys()));
        return i;
    }

    private static void writeChildren(Connection connection, long id, Incident incident) throws SQLException {
        try (PreparedStatement services = connection.prepareStatement(
                "INSERT INTO incident_services (incident_id, ordinal, service) VALUES (?, ?, ?)")) {
            int ordinal = 0;
            for (String service : incident.services()) {
                services.setLong(1, id);
                services.setInt(2, ordinal++);
                services.setString(3, service);
                services.addBatch();
            }
            services.executeBatch();
        }
        try (PreparedStatement labels = connection.prepareStatement(
                "INSERT INTO incident_labels (incident_id, label_name, label_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> label : incident.labels().entrySet()) {
                labels.setLong(1, id);
                labels.setString(2, label.getKey());
                labels.setString(3, label.getValue());
                labels.addBatch();
            }
            labels.executeBatch();
        }
        try (PreparedStatement links = connection.prepareStatement(
                "INSERT INTO incident_links (incident_id, link_kind, ordinal, ref) VALUES (?, ?, ?, ?)")) {
            addLinks(links, id, "alert", incident.alerts());
            addLinks(links, id, "slo", incident.slos());
            links.executeBatch();
        }
        try (PreparedStatement roles = connection.prepareStatement(
                "INSERT INTO incident_roles (incident_id, role_name, person) VALUES (?, ?, ?)")) {
            for (Map.Entry<Role, String> role : incident.roles().entrySet()) {
                roles.setLong(1, id);
                roles.setString(2, role.getKey().name());
                roles.setString(3, role.getValue());
                roles.addBatch();
            }
            roles.executeBatch();
        }
    }

    private static void addLinks(PreparedStatement links, long id, String kind, List<String> refs)
            throws SQLException {
        int ordinal = 0;
        for (String ref : refs) {
            links.setLong(1, id);
            links.setString(2, kind);
            links.setInt(3, ordinal++);
            links.setString(4, ref);
            links.addBatch();
        }
    }

    /** Reads the incidents a {@code SELECT COLUMNS FROM incidents ...} statement returns, children included. */
    static List<Incident> read(Connection connection, PreparedStatement select) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                Row row = new Row(result);
                rows.put(row.id, row);
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(rows.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            readChildren(connection, chunk, rows);
        }
        return rows.values().stream().map(Row::toIncident).toList();
    }

    private static void readChildren(Connection connection, List<Long> ids, Map<Long, Row> rows)
            throws SQLException {
        String in = " WHERE incident_id IN (" + String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))
                + ")";
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT incident_id, service FROM incident_services" + in + " ORDER BY incident_id, ordinal")) {
            bindIds(statement, ids);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.get(result.getLong(1)).services.add(result.getString(2));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT incident_id, label_name, label_value FROM incident_labels" + in)) {
            bindIds(statement, ids);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.get(result.getLong(1)).labels.put(result.getString(2), result.getString(3));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT incident_id, link_kind, ref FROM incident_links" + in + " ORDER BY incident_id, ordinal")) {
            bindIds(statement, ids);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Row row = rows.get(result.getLong(1));
                    ("alert".equals(result.getString(2)) ? row.alerts : row.slos).add(result.getString(3));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT incident_id, role_name, person FROM incident_roles" + in)) {
            bindIds(statement, ids);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.get(result.getLong(1)).roles.put(Role.valueOf(result.getString(2)), result.getString(3));
                }
            }
        }
    }

    private static void bindIds(PreparedStatement statement, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(i + 1, ids.get(i));
        }
    }

    static void setTime(PreparedStatement statement, int index, Instant at) throws SQLException {
        if (at == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, at.toEpochMilli());
        }
    }

    static Instant time(ResultSet result, String column) throws SQLException {
        long millis = result.getLong(column);
        return result.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** One incident as read, before its children arrive. */
    private static final class Row {
        final long id;
        final String title;
        final String summary;
        final IncidentSeverity severity;
        final IncidentStatus status;
        final boolean drill;
        final IncidentTimes times;
        final Analysis analysis;
        final List<String> services = new ArrayList<>();
        final Map<String, String> labels = new TreeMap<>();
        final List<String> alerts = new ArrayList<>();
        final List<String> slos = new ArrayList<>();
        final Map<Role, String> roles = new EnumMap<>(Role.class);

        Row(ResultSet result) throws SQLException {
            id = result.getLong("id");
            title = result.getString("title");
            summary = result.getString("summary");
            severity = IncidentSeverity.valueOf(result.getString("severity"));
            status = IncidentStatus.valueOf(result.getString("status"));
            drill = result.getBoolean("drill");
            times = new IncidentTimes(time(result, "declared_at"), time(result, "impact_started_at"),
                    time(result, "detected_at"), time(result, "acknowledged_at"), time(result, "mitigated_at"),
                    time(result, "resolved_at"), time(result, "closed_at"), time(result, "postmortem_completed_at"));
            String whys = result.getString("five_whys");
            analysis = new Analysis(result.getString("root_cause"), result.getString("trigger_text"),
                    result.getString("resolution"), result.getString("detection"), result.getString("impact"),
                    result.getString("went_well"), result.getString("went_wrong"), result.getString("got_lucky"),
                    whys.isEmpty() ? List.of() : Arrays.asList(whys.split(FIVE_WHYS_SEPARATOR)));
        }

        Incident toIncident() {
            return new Incident(id, title, summary, severity, status, drill, services, labels, alerts, slos, roles,
                    times, analysis);
        }
    }
}
