package io.relia.audit.prometheus;

import io.relia.audit.AuditContext;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ServiceInventory;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import io.relia.slo.rules.Rule;
import io.relia.slo.rules.RuleGroup;
import io.relia.slo.rules.SlothRules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The burn-rate alerts Sloth-style generation makes from the service's SLO specs, checked for a runbook: a
 * {@code runbook_url} in the spec's alerting annotations, or a runbook that names the alert.
 */
final class SloAlerts {

    private static final SlothRules.Options OPTIONS = SlothRules.Options.defaults("relia-audit");

    private SloAlerts() {
    }

    /** Every alert the service's SLO specs generate, as runbooks are matched to them. */
    static List<RunbookIndex.AlertRef> generated(ServiceInventory inventory) {
        List<RunbookIndex.AlertRef> alerts = new ArrayList<>();
        for (DiscoveredInput input : inventory.inputs()) {
            if (input.kind().isSlo()) {
                for (Slo slo : SloSpecs.read(input.path(), input.documents()).slos()) {
                    for (RuleGroup group : SlothRules.generate(slo, OPTIONS)) {
                        group.rules().stream().filter(Rule.Alert.class::isInstance).map(Rule.Alert.class::cast)
                                .forEach(alert -> alerts.add(new RunbookIndex.AlertRef(alert.alert(), alert.labels(),
                                        Optional.ofNullable(alert.annotations().get("runbook_url"))
                                                .or(() -> Optional.ofNullable(alert.annotations().get("runbook"))))));
                    }
                }
            }
        }
        return alerts;
    }

    static void check(AuditContext context, RunbookIndex runbooks, Set<String> alreadyChecked) {
        // One finding per alert name: the same SLO written in several formats generates the same alert, which needs
        // one runbook, not one per copy.
        Set<String> reported = new LinkedHashSet<>();
        for (DiscoveredInput input : context.inventory().inputs()) {
            if (!input.kind().isSlo()) {
                continue;
            }
            SloFile file = SloSpecs.read(input.path(), input.documents());
            for (Slo slo : file.slos()) {
                for (RuleGroup group : SlothRules.generate(slo, OPTIONS)) {
                    for (Rule rule : group.rules()) {
                        if (rule instanceof Rule.Alert alert && !alreadyChecked.contains(alert.alert())
                                && reported.add(alert.alert())) {
                            Optional<String> link = Optional.ofNullable(alert.annotations().get("runbook_url"))
                                    .or(() -> Optional.ofNullable(alert.annotations().get("runbook")));
                            if (!runbooks.covers(alert.alert(), link, input.path(), alert.labels())) {
                                AlertRulesAuditor.report(context, PrometheusRules.SLO_ALERT_WITHOUT_RUNBOOK,
                                        slo.location(), "SLO " + slo.service() + "/" + slo.name()
                                        + " generates alert " + alert.alert() + " with no runbook",
                                        (slo.spec().equals(io.relia.slo.pyrra.PyrraReader.SPEC)
                                                ? "add the annotation pyrra.dev/runbook_url to the SLO's metadata"
                                                : "add alerting.annotations.runbook_url to the SLO")
                                                + ", or a runbook whose alerts list names " + alert.alert());
                            }
                        }
                    }
                }
            }
        }
    }
}
