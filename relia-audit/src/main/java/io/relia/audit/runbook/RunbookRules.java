package io.relia.audit.runbook;

import io.relia.audit.AuditRule;
import io.relia.audit.AuditRule.Precision;
import io.relia.core.Severity;

import java.util.List;

/** The runbook rules of the audit catalogue. */
final class RunbookRules {

    static final AuditRule INVALID = new AuditRule("runbook/invalid", "Runbook key the format does not know",
            Severity.MEDIUM,
            "A warning of the runbook format (schemas/runbook.schema.json) in a structured runbook that otherwise "
                    + "reads: a key the format does not know, at the top, in a step, a mitigation option or the "
                    + "escalation (with \"did you mean\" when a known key is close). Errors (a missing name or "
                    + "diagnosis_steps, a wrong type, an unknown severity, an escalation after that is no duration) "
                    + "are not this rule's: they are input/invalid findings, which fail every item resting on the "
                    + "runbook.",
            "A misspelt key is silently dropped: a responder never sees the escalation channel or the related "
                    + "alert the author wrote, and tools (the review, incident tooling, editors) treat the runbook as "
                    + "if it were missing that part.",
            "escalation:\n  after: 30 minutes\n  to: platform-oncall\n  chanel: \"#payments-incidents\"",
            "escalation:\n  after: 30 minutes\n  to: platform-oncall   # the channel belongs in the target's "
                    + "on-call rotation",
            Precision.VERY_HIGH, List.of("runbook"));

    static final AuditRule NO_DIAGNOSIS_COMMANDS = new AuditRule("runbook/no-diagnosis-commands",
            "Runbook diagnosis without commands", Severity.LOW,
            "A runbook whose diagnosis steps give no command at all (structured: no step has command; Markdown: no "
                    + "code span or block in its Diagnosis section).",
            "Prose like \"check the logs\" costs minutes at 3 a.m.: which logs, which namespace, which query? A "
                    + "copy-pasteable command is the difference between a runbook and a reminder.",
            "diagnosis_steps:\n  - action: Check the logs",
            "diagnosis_steps:\n  - action: Check the logs\n"
                    + "    command: kubectl -n shop logs deploy/checkout --since=15m",
            Precision.HIGH, List.of("runbook"));

    static final AuditRule MITIGATION_WITHOUT_RISK = new AuditRule("runbook/mitigation-without-risk",
            "Mitigation without risk", Severity.LOW,
            "A mitigation option without a risk (low, medium, high).",
            "Under pressure people take the first option; knowing that a restart drops in-flight requests or a "
                    + "rollback undoes a migration is what stops a mitigation from becoming a second incident.",
            "mitigation_options:\n  - name: Restart pods",
            "mitigation_options:\n  - name: Restart pods\n    risk: medium",
            Precision.VERY_HIGH, List.of("runbook"));

    static final AuditRule NO_ESCALATION = new AuditRule("runbook/no-escalation", "Runbook without escalation",
            Severity.MEDIUM,
            "A runbook with no escalation (after how long, to whom); for Markdown runbooks, no mention of escalation.",
            "When the runbook does not work, a responder alone keeps trying; an escalation time and target bound the "
                    + "time an incident is handled by one person (Google SRE book, Managing Incidents).",
            "name: High CPU\ndiagnosis_steps: [...]",
            "escalation:\n  after: 30 minutes\n  to: senior-sre-oncall", Precision.HIGH, List.of("runbook"));

    static final List<AuditRule> ALL = List.of(INVALID, NO_DIAGNOSIS_COMMANDS, MITIGATION_WITHOUT_RISK, NO_ESCALATION);

    private RunbookRules() {
    }
}
