package io.relia.incident.review;

import io.relia.core.Finding;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Severity;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.Verdict;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecDocument;
import io.relia.core.value.Durations;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentPolicyFile;
import io.relia.incident.IncidentSeverity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operations section of {@code relia review}: a named owner and on-call rotation, and an incident response plan
 * whose severity targets are known and whose runbooks say whom to escalate to and when.
 */
public final class OperationsAnalyzer implements ReviewAnalyzer {

    @Override
    public String id() {
        return "operations";
    }

    @Override
    public Set<ChecklistItem> decides() {
        return EnumSet.of(ChecklistItem.ON_CALL, ChecklistItem.INCIDENT_RESPONSE_PLAN);
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        List<Verdict> verdicts = new ArrayList<>();
        Optional<MapNode> config = context.inventory().serviceConfig();
        verdicts.add(ownership(config, context));
        verdicts.add(responsePlan(config, context));
        return new ReviewSection(id(), "Operations", verdicts, List.of(), List.of(), Map.of());
    }

    private static Verdict ownership(Optional<MapNode> config, ReviewContext context) {
        List<Finding> findings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        Location where = serviceFile(config, context);
        List<String> owners = config.flatMap(map -> map.list("owners")).map(list -> list.items().stream()
                .map(item -> item instanceof ScalarNode scalar ? scalar.text() : "")
                .filter(owner -> !owner.isBlank()).toList()).orElse(List.of());
        if (owners.isEmpty()) {
            findings.add(new Finding("ops/no-owner", Severity.HIGH, "no owner is named for the service", where,
                    "add owners: [team-name] to relia.yaml: pages and action items need someone to go to"));
        } else {
            evidence.add("owners: " + String.join(", ", owners));
        }
        Optional<String> oncall = config.flatMap(map -> map.text("oncall")).filter(text -> !text.isBlank());
        if (oncall.isEmpty()) {
            findings.add(new Finding("ops/no-oncall", Severity.HIGH, "no on-call rotation is named for the service",
                    where, "add oncall: <rotation> to relia.yaml, the rotation that answers this service's pages"));
        } else {
            evidence.add("on-call rotation: " + oncall.get());
        }
        if (!findings.isEmpty()) {
            return Verdict.fail(ChecklistItem.ON_CALL, findings.size() == 2 ? "no owner and no on-call rotation named"
                    : findings.getFirst().message(), evidence, findings);
        }
        return Verdict.manual(ChecklistItem.ON_CALL, "relia.yaml names the rotation \"" + oncall.get()
                + "\" and the owners; confirm the rotation is staffed and has a schedule", evidence);
    }

    private static Verdict responsePlan(Optional<MapNode> config, ReviewContext context) {
        List<String> evidence = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        IncidentPolicy policy = IncidentPolicy.DEFAULT;
        String source = "Relia's defaults";
        List<DiscoveredInput> policies = context.inventory().ofKind(InputKind.INCIDENT_POLICY);
        if (!policies.isEmpty()) {
            DiscoveredInput file = policies.getFirst();
            try {
                policy = IncidentPolicyFile.load(file.path());
                source = file.path().toString();
            } catch (InputException invalid) {
                findings.add(new Finding("ops/invalid-incident-policy", Severity.MEDIUM, "the incident policy is not "
                        + "valid: " + invalid.problems().getFirst().message(),
                        invalid.problems().getFirst().location(), "fix it; until then Relia's defaults apply"));
            }
        }
        IncidentPolicy used = policy;
        evidence.add("response targets (" + source + "): " + java.util.Arrays.stream(IncidentSeverity.values())
                .map(severity -> severity + " " + Durations.format(used.responseTarget(severity)))
                .collect(Collectors.joining(", ")));
        evidence.add("postmortems for " + used.postmortemRequired().stream().map(Enum::name)
                .collect(Collectors.joining(", ")) + " within " + hoursOrMore(used.postmortemWithin()));
        List<DiscoveredInput> runbooks = context.inventory().ofKind(InputKind.RUNBOOK);
        int escalating = 0;
        for (DiscoveredInput runbook : runbooks) {
            for (SpecDocument document : runbook.documents()) {
                if (!(document.root() instanceof MapNode root)) {
                    continue;
                }
                Optional<MapNode> escalation = root.map("escalation");
                if (escalation.flatMap(e -> e.text("to")).filter(to -> !to.isBlank()).isPresent()) {
                    escalating++;
                    evidence.add(runbook.path() + ": escalate after " + escalation.get().text("after")
                            .orElse("?") + " to " + escalation.get().text("to").orElseThrow());
                } else {
                    findings.add(new Finding("ops/runbook-no-escalation", Severity.MEDIUM, "runbook \""
                            + root.text("name").orElse(runbook.path().toString())
                            + "\" says nobody to escalate to", root.location(),
                            "add escalation: {after: 30m, to: <rotation or team>}"));
                }
            }
        }
        boolean oncall = config.flatMap(map -> map.text("oncall")).filter(text -> !text.isBlank()).isPresent();
        if (runbooks.isEmpty() && !oncall) {
            findings.add(new Finding("ops/no-escalation", Severity.HIGH, "no escalation path: no runbook escalates "
                    + "and no on-call rotation is named", serviceFile(config, context),
                    "name the rotation in relia.yaml (oncall) and give each runbook an escalation"));
        }
        // A Markdown runbook states no escalation Relia reads (after how long, to whom): it counts as none here;
        // the audit's runbook/no-escalation tells whether its text mentions one.
        int markdown = context.inventory().ofKind(InputKind.RUNBOOK_DOCUMENT).size();
        if (markdown > 0) {
            evidence.add(markdown + " Markdown runbook(s): no escalation read from Markdown");
        }
        String summary = escalating + " of " + (runbooks.size() + markdown) + " runbooks escalate; severity targets "
                + "from " + source;
        return findings.isEmpty() ? Verdict.pass(ChecklistItem.INCIDENT_RESPONSE_PLAN, summary, evidence)
                : Verdict.fail(ChecklistItem.INCIDENT_RESPONSE_PLAN, summary, evidence, findings);
    }

    /** 48h rather than 2d: postmortem deadlines are counted in hours. */
    private static String hoursOrMore(java.time.Duration duration) {
        boolean wholeHours = duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0;
        return wholeHours && duration.toHours() <= 96 ? duration.toHours() + "h" : Durations.format(duration);
    }

    /** Where a finding about the service as a whole points: its relia.yaml. */
    private static Location serviceFile(Optional<MapNode> config, ReviewContext context) {
        return config.map(MapNode::location)
                .orElse(Location.wholeFile(context.inventory().root().resolve("relia.yaml")));
    }
}
