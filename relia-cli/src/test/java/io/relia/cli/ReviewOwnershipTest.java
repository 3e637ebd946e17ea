package io.relia.cli;

import io.relia.core.review.ChecklistItem;
import io.relia.core.review.Review;
import io.relia.core.review.ReviewAnalyzer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import static io.relia.core.review.ChecklistItem.ALERTS_WITH_RUNBOOKS;
import static io.relia.core.review.ChecklistItem.ARCHITECTURE_DIAGRAM;
import static io.relia.core.review.ChecklistItem.AUDIT_LOGGING;
import static io.relia.core.review.ChecklistItem.AUTO_SCALING;
import static io.relia.core.review.ChecklistItem.CAPACITY_PLANNING;
import static io.relia.core.review.ChecklistItem.CIRCUIT_BREAKERS;
import static io.relia.core.review.ChecklistItem.DASHBOARDS;
import static io.relia.core.review.ChecklistItem.DEPENDENCIES_DOCUMENTED;
import static io.relia.core.review.ChecklistItem.DISASTER_RECOVERY_TESTED;
import static io.relia.core.review.ChecklistItem.DISTRIBUTED_TRACING;
import static io.relia.core.review.ChecklistItem.ERROR_BUDGET_TRACKING;
import static io.relia.core.review.ChecklistItem.GRACEFUL_DEGRADATION;
import static io.relia.core.review.ChecklistItem.INCIDENT_RESPONSE_PLAN;
import static io.relia.core.review.ChecklistItem.LOAD_TESTED;
import static io.relia.core.review.ChecklistItem.METRICS_EXPOSED;
import static io.relia.core.review.ChecklistItem.NETWORK_POLICIES;
import static io.relia.core.review.ChecklistItem.ON_CALL;
import static io.relia.core.review.ChecklistItem.RESOURCE_LIMITS;
import static io.relia.core.review.ChecklistItem.RETRY_BACKOFF;
import static io.relia.core.review.ChecklistItem.RUNBOOKS;
import static io.relia.core.review.ChecklistItem.SECRETS_MANAGEMENT;
import static io.relia.core.review.ChecklistItem.SECURITY_REVIEW;
import static io.relia.core.review.ChecklistItem.SINGLE_POINTS_OF_FAILURE;
import static io.relia.core.review.ChecklistItem.SLOS_DEFINED;
import static io.relia.core.review.ChecklistItem.STRUCTURED_LOGGING;
import static io.relia.core.review.ChecklistItem.TIMEOUTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One verdict per item, from one owner: with every module installed (as in the relia command), each checklist item
 * is decided by exactly the analyzer this table names, and audit logging by none (it stays manual). The table is
 * the one of docs/review.md.
 */
class ReviewOwnershipTest {

    private static final Map<ChecklistItem, String> OWNERS = new EnumMap<>(Map.ofEntries(
            Map.entry(ARCHITECTURE_DIAGRAM, "service"), Map.entry(DEPENDENCIES_DOCUMENTED, "service"),
            Map.entry(SINGLE_POINTS_OF_FAILURE, "audit"), Map.entry(GRACEFUL_DEGRADATION, "chaos"),
            Map.entry(SLOS_DEFINED, "slo"), Map.entry(ERROR_BUDGET_TRACKING, "slo"),
            Map.entry(CIRCUIT_BREAKERS, "audit"), Map.entry(RETRY_BACKOFF, "audit"), Map.entry(TIMEOUTS, "audit"),
            Map.entry(METRICS_EXPOSED, "audit"), Map.entry(STRUCTURED_LOGGING, "audit"),
            Map.entry(DISTRIBUTED_TRACING, "audit"), Map.entry(DASHBOARDS, "service"),
            Map.entry(ALERTS_WITH_RUNBOOKS, "audit"), Map.entry(RUNBOOKS, "audit"), Map.entry(ON_CALL, "operations"),
            Map.entry(INCIDENT_RESPONSE_PLAN, "operations"), Map.entry(DISASTER_RECOVERY_TESTED, "disaster-recovery"),
            Map.entry(SECURITY_REVIEW, "audit"), Map.entry(SECRETS_MANAGEMENT, "audit"),
            Map.entry(NETWORK_POLICIES, "audit"), Map.entry(LOAD_TESTED, "capacity"),
            Map.entry(CAPACITY_PLANNING, "capacity"), Map.entry(AUTO_SCALING, "audit"),
            Map.entry(RESOURCE_LIMITS, "audit")));

    @Test
    void everyItemHasTheOneOwnerTheDocsName() {
        Review review = Review.withInstalledAnalyzers(Clock.systemUTC());

        Map<ChecklistItem, String> owners = new EnumMap<>(ChecklistItem.class);
        review.owners().forEach((item, analyzer) -> owners.put(item, analyzer.id()));

        assertThat(owners).isEqualTo(OWNERS);
        assertThat(ChecklistItem.values()).filteredOn(item -> !owners.containsKey(item))
                .containsExactly(AUDIT_LOGGING);
    }

    @Test
    void everyInstalledAnalyzerDecidesSomething() {
        assertThat(Review.withInstalledAnalyzers(Clock.systemUTC()).analyzers())
                .allSatisfy(analyzer -> assertThat(analyzer.decides()).as(analyzer.id()).isNotEmpty())
                .extracting(ReviewAnalyzer::id).doesNotHaveDuplicates();
    }
}
