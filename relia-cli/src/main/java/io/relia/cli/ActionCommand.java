package io.relia.cli;

import io.relia.core.report.Document;
import io.relia.core.report.Report;
import io.relia.core.report.TerminalText;
import io.relia.incident.ActionItem;
import io.relia.incident.IncidentStore;
import io.relia.incident.view.IncidentJson;
import io.relia.incident.view.IncidentViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code relia action}: postmortem action items, tracked until done. */
@Command(name = "action",
        mixinStandardHelpOptions = true,
        description = {"Track postmortem action items until they are done.", "",
            "What will stop the failure coming back, with a type (mitigate, prevent, process), an owner, a priority",
            "(P1-P4), a due date, a status and a tracker link.", ""},
        subcommands = {ActionCommand.Add.class, ActionCommand.ListItems.class, ActionCommand.Update.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  action list --overdue found overdue items",
            "  2  usage error, invalid value or unknown incident/item", "  3  store failure", "",
            "Docs: docs/incidents.md"})
final class ActionCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static LocalDate date(String option, String text, CommandLine commandLine) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException bad) {
            throw new CommandLine.ParameterException(commandLine, option + " " + text
                    + " is not a date; expected YYYY-MM-DD");
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add an action item to an incident; the incident's timeline notes it.", ""},
            footerHeading = "%nExample:%n",
            footer = {"  relia action add 42 --title \"Size the payments pool from load tests\" --type prevent \\",
                "      --owner carol --priority P2 --due 2026-12-15 --link JIRA-1234", "",
                "Exit codes: 0 added, 2 invalid value or unknown incident, 3 store failure."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        IncidentStoreOptions store;
        @Parameters(paramLabel = "INCIDENT", description = "Incident id: 42 or INC-42.")
        String incident;
        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "What will be done.")
        String title;
        @Option(names = "--type", paramLabel = "TYPE", defaultValue = "prevent",
                description = "mitigate, prevent, process or other (default: ${DEFAULT-VALUE}).")
        String type;
        @Option(names = "--owner", paramLabel = "NAME", description = "Who owns it.")
        String owner;
        @Option(names = "--priority", paramLabel = "P", defaultValue = "P3",
                description = "P1 to P4 (default: ${DEFAULT-VALUE}).")
        String priority;
        @Option(names = "--due", paramLabel = "DATE", description = "Due date, YYYY-MM-DD.")
        String due;
        @Option(names = "--link", paramLabel = "URL|ID", description = "Tracker link or bug id.")
        String link;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            Instant now = Instant.now();
            ActionItem draft = new ActionItem(0, IncidentStoreOptions.incidentId(incident), title,
                    ActionItem.Type.parse(type), owner, ActionItem.Priority.parse(priority),
                    due == null ? null : date("--due", due, commandLine), ActionItem.Status.OPEN, link, now, null);
            try (IncidentStore incidents = store.open()) {
                ActionItem stored = incidents.addAction(draft, store.actor(), now);
                commandLine.getOut().println(stored.reference() + " added to INC-" + stored.incidentId() + ": "
                        + TerminalText.oneLine(stored.title()));
                commandLine.getOut().flush();
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List action items.", "",
                "Open ones unless --all; --overdue lists only those past their due date and exits 1 when there are any",
                "(for CI and cron).", ""},
            footer = {"", "Exit codes: 0 listed, 1 --overdue found overdue items, 2 usage error, 3 store failure."})
    static final class ListItems implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        IncidentStoreOptions store;
        @Option(names = "--overdue", description = "Only open items past their due date; exit 1 when any.")
        boolean overdue;
        @Option(names = "--all", description = "Done and won't-do items too.")
        boolean all;
        @Option(names = "--incident", paramLabel = "ID", description = "Only this incident's items.")
        String incident;
        @Option(names = "--owner", paramLabel = "NAME", description = "Only this owner's items.")
        String owner;
        @Mixin
        ReportOutput output;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            output.format(commandLine);
            Instant now = Instant.now();
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            List<ActionItem> items;
            try (IncidentStore incidents = store.open()) {
                items = incidents.actions(Optional.ofNullable(incident).map(IncidentStoreOptions::incidentId));
            }
            items = items.stream()
                    .filter(item -> all || !item.status().isFinished())
                    .filter(item -> !overdue || item.isOverdue(today))
                    .filter(item -> owner == null || owner.equals(item.owner()))
                    .sorted(Comparator.comparing(ActionItem::priority)
                            .thenComparing(item -> item.due() == null ? LocalDate.MAX : item.due())
                            .thenComparing(ActionItem::id))
                    .toList();
            Document.Builder document = new Document.Builder(overdue ? "Overdue action items" : "Action items");
            if (items.isEmpty()) {
                document.paragraph(overdue ? "No action item is overdue." : "No action items match.");
            } else {
                document.add(IncidentViews.actionTable(items, today));
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("actionItems", items.stream().map(item -> IncidentJson.action(item, now)).toList());
            output.write(new Report("action-items", IncidentViews.SCHEMA_VERSION, data, document.build()),
                    commandLine);
            return overdue && !items.isEmpty() ? 1 : 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Change an action item.", "",
                "Status (open, in-progress, done, wont-do), owner, priority, due date or link. The incident's timeline",
                "notes the change.", ""},
            footerHeading = "%nExample:%n", footer = {"  relia action update ACT-7 --status done", "",
                "Exit codes: 0 updated, 2 invalid value or unknown item, 3 store failure."})
    static final class Update implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        IncidentStoreOptions store;
        @Parameters(paramLabel = "ID", description = "Action item id: 7 or ACT-7.")
        String id;
        @Option(names = "--status", paramLabel = "STATUS") String status;
        @Option(names = "--owner", paramLabel = "NAME") String owner;
        @Option(names = "--priority", paramLabel = "P") String priority;
        @Option(names = "--due", paramLabel = "DATE") String due;
        @Option(names = "--link", paramLabel = "URL|ID") String link;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            Instant now = Instant.now();
            LocalDate dueDate = due == null ? null : date("--due", due, commandLine);
            UnaryOperator<ActionItem> edit = item -> {
                ActionItem next = item;
                if (status != null) {
                    next = next.withStatus(ActionItem.Status.parse(status), now);
                }
                if (owner != null) {
                    next = next.withOwner(owner, now);
                }
                if (priority != null) {
                    next = next.withPriority(ActionItem.Priority.parse(priority), now);
                }
                if (dueDate != null) {
                    next = next.withDue(dueDate, now);
                }
                if (link != null) {
                    next = next.withLink(link, now);
                }
                return next;
            };
            try (IncidentStore incidents = store.open()) {
                ActionItem changed = incidents.changeAction(IncidentStoreOptions.actionId(id), store.actor(), now,
                        edit);
                commandLine.getOut().println(changed.reference() + ": " + changed.status().label() + ", "
                        + changed.priority() + (changed.owner().isEmpty() ? ""
                        : ", owner " + TerminalText.oneLine(changed.owner()))
                        + (changed.due() == null ? "" : ", due " + changed.due()));
                commandLine.getOut().flush();
            }
            return 0;
        }
    }
}
