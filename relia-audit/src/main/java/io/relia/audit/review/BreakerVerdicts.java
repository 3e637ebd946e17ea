package io.relia.audit.review;

import io.relia.audit.Evidence;
import io.relia.core.Finding;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.Verdict;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * "Circuit breakers implemented", per critical dependency of relia.yaml: FAIL when one called over the network has
 * no breaker (dependency/no-circuit-breaker), PASS listing each dependency's breaker and how it was matched.
 * Without relia.yaml there is no verdict (the fallback says what to list); without critical dependencies, or with
 * only databases and queues, it is MANUAL with the breakers found.
 */
final class BreakerVerdicts {

    private BreakerVerdicts() {
    }

    static Optional<Verdict> of(Audited audited) {
        Optional<MapNode> config = audited.inventory().serviceConfig();
        if (config.isEmpty()) {
            return Optional.empty();
        }
        List<String> critical = new ArrayList<>();
        config.get().list("dependencies").ifPresent(list -> {
            for (Node item : list.items()) {
                if (item instanceof MapNode dependency && dependency.text("critical").filter("true"::equals)
                        .isPresent()) {
                    dependency.text("name").ifPresent(critical::add);
                }
            }
        });
        List<Evidence> breakers = audited.evidence(Evidence.Topic.CIRCUIT_BREAKER);
        List<Finding> unguarded = audited.findings(Set.of("dependency/no-circuit-breaker"));
        List<String> evidence = new ArrayList<>();
        int guarded = 0;
        for (String dependency : critical) {
            List<Evidence> own = breakers.stream().filter(seen -> seen.subject().equals(dependency)).toList();
            own.forEach(seen -> evidence.add(dependency + ": " + seen.text() + " (" + seen.location() + ")"));
            guarded += own.isEmpty() ? 0 : 1;
        }
        breakers.stream().filter(seen -> seen.subject().isEmpty()).forEach(seen -> evidence.add("not matched to a "
                + "critical dependency: " + seen.text() + " (" + seen.location() + ")"));
        if (!unguarded.isEmpty()) {
            return Optional.of(Verdict.fail(ChecklistItem.CIRCUIT_BREAKERS, unguarded.size() + " of "
                    + (guarded + unguarded.size()) + " critical dependencies called over the network have no circuit "
                    + "breaker", evidence, unguarded));
        }
        if (guarded > 0) {
            return Optional.of(Verdict.pass(ChecklistItem.CIRCUIT_BREAKERS, guarded + " critical "
                    + "dependenc" + (guarded == 1 ? "y has" : "ies have") + " a circuit breaker", evidence));
        }
        String what = critical.isEmpty() ? "relia.yaml marks no dependency critical: mark the ones the service "
                + "cannot serve without (dependencies: [{name, kind, critical: true}]) so relia audit can match each "
                + "to its breaker, or show the breakers and what they guard"
                : "the critical dependencies (" + String.join(", ", critical) + ") are not called over the network "
                + "(databases, caches, queues): show how the service degrades when each fails (pool and query "
                + "timeouts, a fallback)";
        return Optional.of(Verdict.manual(ChecklistItem.CIRCUIT_BREAKERS, what, evidence));
    }
}
