package io.relia.core.review.basic;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecSchema;
import io.relia.core.value.Durations;
import io.relia.core.value.Ratio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates the native formats that have no reader of their own against their published JSON Schemas
 * ({@code schemas/*.schema.json}), then checks the values a schema cannot: durations, ratios, dates. Runbooks get the
 * schema here and, where relia-incident is installed, its runbook reader's checks too (step numbers; the same
 * problems twice are one); chaos experiments are checked by relia-chaos' reader, SLO specs by relia-slo's.
 */
public final class NativeFormatValidator implements InputValidator {

    private static final Map<InputKind, String> SCHEMAS = Map.of(
            InputKind.SERVICE_CONFIG, "relia",
            InputKind.RUNBOOK, "runbook",
            InputKind.DISASTER_RECOVERY, "disaster-recovery",
            InputKind.CAPACITY, "capacity",
            InputKind.INCIDENT_POLICY, "incident-policy");
    private static final Map<String, SpecSchema> LOADED = new ConcurrentHashMap<>();

    @Override
    public Set<InputKind> kinds() {
        return SCHEMAS.keySet();
    }

    @Override
    public List<Problem> validate(InputKind kind, List<SpecDocument> documents) {
        List<Problem> problems = new ArrayList<>();
        for (SpecDocument document : documents) {
            problems.addAll(validate(kind, document));
        }
        return problems;
    }

    /**
     * Every problem of a document at once: the schema's, then the values a schema cannot check, which run even
     * when the schema found errors elsewhere (a value the schema already rejected is not reported twice).
     */
    private static List<Problem> validate(InputKind kind, SpecDocument document) {
        SpecSchema schema = LOADED.computeIfAbsent(SCHEMAS.get(kind), SpecSchema::named);
        List<Problem> problems = new ArrayList<>(schema.validate(document.root()));
        if (document.root() instanceof MapNode root) {
            Set<Location> rejected = new HashSet<>();
            problems.stream().filter(Problem::isError).forEach(problem -> rejected.add(problem.location()));
            Problems values = new Problems();
            checkValues(kind, root, values);
            values.sorted().stream().filter(problem -> !rejected.contains(problem.location())).forEach(problems::add);
        }
        return problems.stream().sorted().toList();
    }

    private static void checkValues(InputKind kind, MapNode root, Problems problems) {
        switch (kind) {
            case RUNBOOK -> root.map("escalation").ifPresent(escalation -> duration(escalation, "after", problems));
            case DISASTER_RECOVERY -> root.map("disaster_recovery").ifPresent(plan -> {
                duration(plan, "rpo", problems);
                duration(plan, "rto", problems);
                plan.map("testing").ifPresent(testing -> {
                    testing.get("frequency").filter(ScalarNode.class::isInstance).ifPresent(node ->
                            TestFrequency.parse(text(node)).orReport(problems, node.location()));
                });
            });
            case INCIDENT_POLICY -> {
                root.map("response_targets").ifPresent(targets -> targets.keys()
                        .forEach(severity -> duration(targets, severity, problems)));
                root.map("postmortem").ifPresent(postmortem -> duration(postmortem, "within", problems));
            }
            case CAPACITY -> root.map("service_capacity").ifPresent(capacity -> {
                ratio(capacity, "growth_per_month", problems);
                ratio(capacity, "target_utilization", problems);
            });
            default -> {
            }
        }
    }

    /** Scalars only: a value of the wrong shape is the schema's to report. */
    private static void duration(MapNode map, String key, Problems problems) {
        map.get(key).filter(ScalarNode.class::isInstance)
                .ifPresent(node -> Durations.parse(text(node)).orReport(problems, node.location()));
    }

    private static void ratio(MapNode map, String key, Problems problems) {
        map.get(key).filter(ScalarNode.class::isInstance)
                .ifPresent(node -> Ratio.parse(text(node)).orReport(problems, node.location()));
    }

    private static String text(Node node) {
        return node instanceof ScalarNode scalar ? scalar.text() : "";
    }

    static Optional<String> textOf(Optional<Node> node) {
        return node.flatMap(value -> value instanceof ScalarNode scalar && !scalar.isNull()
                ? Optional.of(scalar.text()) : Optional.empty());
    }
}
