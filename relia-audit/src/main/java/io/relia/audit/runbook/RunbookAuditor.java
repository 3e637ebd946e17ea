package io.relia.audit.runbook;

import io.relia.audit.AuditAnalyzer;
import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.files.InputFiles;
import io.relia.core.markdown.MarkdownRunbook;
import io.relia.core.markdown.MarkdownRunbookReader;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.SpecDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Audits runbooks: valid against the native runbook format, diagnosis with commands, mitigations with their
 * risk, and an escalation. Markdown runbooks get the two checks their text allows (commands in Diagnosis,
 * escalation).
 */
public final class RunbookAuditor implements AuditAnalyzer {

    private static final Pattern HTML_COMMENT = Pattern.compile("(?s)<!--.*?-->");

    @Override
    public String id() {
        return "runbook";
    }

    @Override
    public List<AuditRule> rules() {
        return RunbookRules.ALL;
    }

    @Override
    public void analyze(AuditContext context) {
        for (DiscoveredInput input : context.inventory().ofKind(InputKind.RUNBOOK)) {
            Set<Location> reported = new HashSet<>();
            for (SpecDocument document : input.documents()) {
                if (document.root() instanceof MapNode runbook) {
                    structured(runbook, context, reported);
                }
            }
            if (context.enabled(RunbookRules.INVALID.id())) {
                invalid(input, context, reported);
            }
        }
        for (DiscoveredInput input : context.inventory().ofKind(InputKind.RUNBOOK_DOCUMENT)) {
            markdown(input, context);
        }
    }

    private static void structured(MapNode runbook, AuditContext context, Set<Location> reported) {
        String name = runbook.text("name").orElse("runbook");
        runbook.list("diagnosis_steps").filter(steps -> steps.size() > 0).ifPresent(steps -> {
            boolean anyCommand = steps.items().stream().anyMatch(step -> step instanceof MapNode map
                    && map.text("command").filter(command -> !command.isBlank()).isPresent());
            if (!anyCommand) {
                report(context, RunbookRules.NO_DIAGNOSIS_COMMANDS, runbook.locationOf("diagnosis_steps"),
                        "runbook " + name + " gives no command in any of its " + steps.size() + " diagnosis steps",
                        "add a command to each step (kubectl, curl to the Prometheus API, a log query)");
            }
        });
        runbook.list("mitigation_options").ifPresent(options -> options.items().forEach(item -> {
            if (item instanceof MapNode option && option.text("risk").isEmpty()) {
                Location where = option.get("name").map(Node::location).orElse(option.location());
                covered(option, reported);
                report(context, RunbookRules.MITIGATION_WITHOUT_RISK, where, "mitigation "
                        + option.text("name").orElse("?") + " of runbook " + name + " states no risk",
                        "add risk: low, medium or high (what can go wrong when it is applied)");
            }
        }));
        boolean escalates = runbook.map("escalation").flatMap(escalation -> escalation.text("to"))
                .filter(to -> !to.isBlank()).isPresent();
        if (!escalates) {
            runbook.get("escalation").ifPresent(escalation -> covered(escalation, reported));
            Location where = runbook.has("escalation") ? runbook.locationOf("escalation") : runbook.locationOf("name");
            report(context, RunbookRules.NO_ESCALATION, where, "runbook " + name + " says nothing about escalation",
                    "add escalation: {after: 30 minutes, to: <the next on-call>}");
        }
    }

    /** Every location in a subtree, so that the schema's problems there are not reported a second time. */
    private static void covered(Node node, Set<Location> reported) {
        reported.add(node.location());
        if (node instanceof MapNode map) {
            map.entries().values().forEach(entry -> {
                reported.add(entry.key().location());
                covered(entry.value(), reported);
            });
        } else if (node instanceof ListNode list) {
            list.items().forEach(item -> covered(item, reported));
        }
    }

    /**
     * Warnings of the runbook format (unknown keys: a misspelt key loses its value), except those the specific rules
     * already report at the same place. Errors are input problems, reported as {@code input/invalid}.
     */
    private static void invalid(DiscoveredInput input, AuditContext context, Set<Location> reported) {
        for (Problem problem : InputValidator.validateAll(input)) {
            // Errors are input problems every command reports (input/invalid); this rule adds what still reads.
            if (!problem.isError() && !reported.contains(problem.location())) {
                report(context, RunbookRules.INVALID, problem.location(), "runbook is not valid: " + problem.message()
                        + (problem.expected().isEmpty() ? "" : "; expected " + problem.expected()),
                        problem.hint().isEmpty() ? "see schemas/runbook.schema.json" : problem.hint());
            }
        }
    }

    private static void markdown(DiscoveredInput input, AuditContext context) {
        MarkdownRunbookReader.Reading reading = MarkdownRunbookReader.read(input.path());
        if (reading.runbook().isEmpty()) {
            // Discovery found a valid runbook; a file changed or unreadable since is an input problem, not a gap.
            return;
        }
        MarkdownRunbook runbook = reading.runbook().get();
        List<MarkdownRunbook.Section> diagnosis = runbook.sections(MarkdownRunbook.SectionKind.DIAGNOSIS);
        boolean commands = diagnosis.stream().flatMap(section -> section.blocks().stream())
                .anyMatch(block -> block.isCode() || block.text().contains("`"));
        if (!commands) {
            report(context, RunbookRules.NO_DIAGNOSIS_COMMANDS, diagnosis.getFirst().location(), "runbook "
                    + runbook.alert() + " gives no command in its Diagnosis section (no code block or code span)",
                    "put each diagnosis command in a code block (```shell)");
        }
        String text;
        try {
            text = InputFiles.readString(input.path(), StandardCharsets.UTF_8, InputFiles.MAX_BYTES);
        } catch (IOException | UncheckedIOException unreadable) {
            context.problem(Problem.warning(Location.wholeFile(input.path()), "cannot read runbook: "
                    + unreadable.getMessage()));
            return;
        }
        text = HTML_COMMENT.matcher(text).replaceAll("");
        if (!text.toLowerCase(Locale.ROOT).contains("escalat")) {
            report(context, RunbookRules.NO_ESCALATION, Location.of(input.path(), 1, 1), "runbook "
                    + runbook.alert() + " says nothing about escalation",
                    "add an Escalation section: after how long, to whom");
        }
    }

    private static void report(AuditContext context, AuditRule rule, Location location, String message, String fix) {
        context.report(new Finding(rule.id(), rule.severity(), message, location, fix));
    }
}
