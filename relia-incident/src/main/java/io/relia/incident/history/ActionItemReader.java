package io.relia.incident.history;

import io.relia.core.spec.Fields;
import io.relia.incident.ActionItem;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentRules;
import io.relia.incident.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads one {@code action_items} entry: type, priority and status default to other, P3 and open. */
final class ActionItemReader {

    private final Fields fields;
    private final Instant created;

    ActionItemReader(Fields fields, Instant created) {
        this.fields = fields;
        this.created = created;
    }

    Optional<ActionItem> read() {
        long errorsBefore = fields.problems().errorCount();
        Optional<String> title = fields.requireText("title", "what will be done");
        ActionItem.Type type = HistoryEntryReader.parsed(fields, "type", ActionItem.Type::parse,
                Arrays.stream(ActionItem.Type.values()).map(ActionItem.Type::label).toList())
                .orElse(ActionItem.Type.OTHER);
        ActionItem.Priority priority = HistoryEntryReader.parsed(fields, "priority", ActionItem.Priority::parse,
                Arrays.stream(ActionItem.Priority.values()).map(Enum::name).toList()).orElse(ActionItem.Priority.P3);
        ActionItem.Status status = HistoryEntryReader.parsed(fields, "status", ActionItem.Status::parse,
                Arrays.stream(ActionItem.Status.values()).map(ActionItem.Status::label).toList())
                .orElse(ActionItem.Status.OPEN);
        LocalDate due = fields.text("due", "a date such as 2026-04-01")
                .flatMap(text -> Timestamps.date("due", text).orReport(fields.problems(),
                        fields.valueLocation("due")))
                .orElse(null);
        if (title.isEmpty() || fields.problems().errorCount() > errorsBefore) {
            return Optional.empty();
        }
        ActionItem item;
        try {
            item = new ActionItem(0, 0, title.get(), type, HistoryEntryReader.text(fields, "owner"), priority, due,
                    status, HistoryEntryReader.text(fields, "link"), created, created);
        } catch (IncidentException invalid) {
            fields.problems().error(fields.map().location(), invalid.getMessage(), "", "fix this action item");
            return Optional.empty();
        }
        List<RuleViolation> broken = IncidentRules.violations(item);
        broken.forEach(violation -> fields.problems().error(fields.valueLocation(violation.field()),
                violation.message(), "", ""));
        return broken.isEmpty() ? Optional.of(item) : Optional.empty();
    }
}
