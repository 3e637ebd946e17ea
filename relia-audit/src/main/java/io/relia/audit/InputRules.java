package io.relia.audit;

import io.relia.audit.AuditRule.Precision;
import io.relia.core.Finding;
import io.relia.core.Severity;

import java.util.List;

/**
 * The rule the audit itself reports, whatever analyzers are installed: an input it could not read or validate.
 * It is in every catalogue, so SARIF has its metadata and {@code --list-rules} names it.
 */
final class InputRules {

    static final AuditRule INVALID = new AuditRule(Finding.INPUT_INVALID, "Input that could not be read or validated",
            Severity.HIGH,
            "A file of the service that could not be read or is not valid for its kind: YAML or JSON that does "
                    + "not parse (a tab, a duplicate key, an unclosed quote), a spec that fails its schema (an SLO, "
                    + "a runbook, a capacity plan with a missing or mistyped key), a Java source that does not "
                    + "parse or is not in the encoding its build declares, any other file that is not UTF-8 (a Java "
                    + "source with no declared encoding is read as ISO-8859-1 then, with a warning). One finding per "
                    + "error, at its file:line:column; warnings (an unknown key) are not findings of this rule. Not "
                    + "invalid: an empty YAML file (zero documents), JSON with comments (JSONC) of no kind Relia "
                    + "reads, a Chaos Toolkit experiment only Relia's runner cannot run (a python provider, an "
                    + "environment variable unset where the audit runs: a warning). A broken YAML or JSON file of no "
                    + "kind Relia reads is reported at Low.",
            "Every check that needed the file saw only part of the service, so a clean result would be a guess: "
                    + "relia review fails each checklist item that rests on the file, and --fail-on high fails the "
                    + "run. It is High because a broken runbook or SLO file is found in an incident, not before; "
                    + "Low where no check rested on the file.",
            "name: High CPU\ndiagnosis_steps:\n\t- step: 1     # a tab where YAML expects spaces",
            "name: High CPU\ndiagnosis_steps:\n  - step: 1", Precision.VERY_HIGH, List.of("input"));

    static final List<AuditRule> ALL = List.of(INVALID);

    private InputRules() {
    }
}
