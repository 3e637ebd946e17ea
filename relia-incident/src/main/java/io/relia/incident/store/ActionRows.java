package io.relia.incident.store;

import io.relia.incident.ActionItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads and writes action items; SQL with bound parameters only. */
final class ActionRows {

    static final String COLUMNS = "id, incident_id, title, item_type, owner_name, priority, due_date, status, link,"
            + " created_at, updated_at";

    private ActionRows() {
    }

    static ActionItem insert(Connection connection, ActionItem draft) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO action_items (incident_id,"
                + " title, item_type, owner_name, priority, due_date, status, link, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setLong(1, draft.incidentId());
            int next = bind(insert, 2, draft);
            IncidentRows.setTime(insert, next++, draft.created());
            IncidentRows.setTime(insert, next, draft.updated());
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                return draft.withId(keys.getLong(1));
            }
        }
    }

    static int bind(PreparedStatement statement, int first, ActionItem item) throws SQLException {
        int i = first;
        statement.setString(i++, item.title());
        statement.setString(i++, item.type().name());
        statement.setString(i++, item.owner());
        statement.setString(i++, item.priority().name());
        statement.setString(i++, item.due() == null ? null : item.due().toString());
        statement.setString(i++, item.status().name());
        statement.setString(i++, item.link());
        return i;
    }

    static List<ActionItem> read(PreparedStatement select) throws SQLException {
        List<ActionItem> items = new ArrayList<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                String due = result.getString("due_date");
                items.add(new ActionItem(result.getLong("id"), result.getLong("incident_id"),
                        result.getString("title"), ActionItem.Type.valueOf(result.getString("item_type")),
                        result.getString("owner_name"), ActionItem.Priority.valueOf(result.getString("priority")),
                        due == null ? null : LocalDate.parse(due), ActionItem.Status.valueOf(result.getString("status")),
                        result.getString("link"), IncidentRows.time(result, "created_at"),
                        IncidentRows.time(result, "updated_at")));
            }
        }
        return items;
    }

    static String describeChange(ActionItem before, ActionItem after) {
        List<String> parts = new ArrayList<>();
        if (before.status() != after.status()) {
            parts.add("status " + before.status().label() + " → " + after.status().label());
        }
        if (!before.owner().equals(after.owner())) {
            parts.add("owner " + (before.owner().isEmpty() ? "(none)" : before.owner()) + " → " + after.owner());
        }
        if (before.priority() != after.priority()) {
            parts.add("priority " + before.priority() + " → " + after.priority());
        }
        if (!Objects.equals(before.due(), after.due())) {
            parts.add("due " + before.due() + " → " + after.due());
        }
        if (!before.link().equals(after.link())) {
            parts.add("link " + after.link());
        }
        if (!before.title().equals(after.title())) {
            parts.add("title " + after.title());
        }
        return parts.isEmpty() ? "updated" : String.join(", ", parts);
    }
}
