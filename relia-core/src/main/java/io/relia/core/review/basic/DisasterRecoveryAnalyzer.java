package io.relia.core.review.basic;

import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.Severity;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputValidator;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.Verdict;
import io.relia.core.spec.MapNode;
import io.relia.core.value.Durations;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Disaster recovery tested": a disaster-recovery plan whose last test is younger than the plan's own test
 * frequency. A plan never tested, or tested longer ago than it promises, fails.
 */
public final class DisasterRecoveryAnalyzer implements ReviewAnalyzer {

    @Override
    public String id() {
        return "disaster-recovery";
    }

    @Override
    public Set<ChecklistItem> decides() {
        return EnumSet.of(ChecklistItem.DISASTER_RECOVERY_TESTED);
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        List<DiscoveredInput> plans = context.inventory().ofKind(InputKind.DISASTER_RECOVERY);
        if (plans.isEmpty()) {
            return ReviewSection.empty(id(), "Disaster recovery");
        }
        List<Problem> problems = new ArrayList<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (DiscoveredInput plan : plans) {
            List<Problem> found = InputValidator.validateAll(plan);
            problems.addAll(found);
            if (found.stream().anyMatch(Problem::isError)) {
                Problem first = found.stream().filter(Problem::isError).findFirst().orElseThrow();
                verdicts.add(Verdict.fail(ChecklistItem.DISASTER_RECOVERY_TESTED, "the plan is not valid",
                        List.of(), List.of(new Finding("dr/invalid-plan", Severity.MEDIUM,
                                "disaster-recovery plan is not valid: " + first.message(), first.location(),
                                first.hint()))));
                continue;
            }
            MapNode root = ((MapNode) plan.documents().getFirst().root()).map("disaster_recovery").orElseThrow();
            verdicts.add(withGaps(tested(plan, root, context.today()), gaps(root, context.today())));
        }
        return new ReviewSection(id(), "Disaster recovery", verdicts, problems, List.of(), Map.of());
    }

    /**
     * What the plan leaves out or lets lapse: no RPO or RTO (the two numbers a DR plan exists to state), no backups,
     * no failover procedure, or a planned next test whose date has passed.
     */
    static List<Finding> gaps(MapNode root, LocalDate today) {
        List<Finding> gaps = new ArrayList<>();
        for (String objective : List.of("rpo", "rto")) {
            if (root.text(objective).isEmpty()) {
                boolean point = objective.equals("rpo");
                gaps.add(new Finding("dr/no-" + objective, Severity.HIGH, "the disaster-recovery plan states no "
                        + (point ? "RPO (how much data may be lost)" : "RTO (how long recovery may take)"),
                        root.location(), "add " + objective + ": with a duration, e.g. " + objective + ": "
                        + (point ? "1h" : "4h")));
            }
        }
        if (root.map("backup_strategy").map(backups -> backups.keys().isEmpty()).orElse(true)) {
            gaps.add(new Finding("dr/no-backups", Severity.MEDIUM, "the disaster-recovery plan describes no backups",
                    root.location(), "add backup_strategy: with type, frequency or continuous, retention and "
                    + "location for each data store"));
        }
        if (root.list("failover_procedures").map(list -> list.items().isEmpty()).orElse(true)) {
            gaps.add(new Finding("dr/no-failover", Severity.MEDIUM,
                    "the disaster-recovery plan lists no failover procedure", root.location(),
                    "add failover_procedures: with name, trigger, action and automation"));
        }
        root.map("testing").ifPresent(testing -> testing.text("next_test").ifPresent(next -> {
            try {
                LocalDate planned = LocalDate.parse(next);
                if (planned.isBefore(today)) {
                    gaps.add(new Finding("dr/next-test-passed", Severity.MEDIUM, "the next disaster-recovery test "
                            + "was planned for " + planned + ", " + ChronoUnit.DAYS.between(planned, today)
                            + " days ago", testing.locationOf("next_test"),
                            "run the test and record it as last_test, or plan a new next_test date"));
                }
            } catch (DateTimeParseException notADate) {
                // the schema reports the date's format
            }
        }));
        return gaps;
    }

    private static Verdict withGaps(Verdict verdict, List<Finding> gaps) {
        if (gaps.isEmpty()) {
            return verdict;
        }
        List<Finding> findings = new ArrayList<>(verdict.findings());
        findings.addAll(gaps);
        String summary = verdict.status() == io.relia.core.review.CheckStatus.FAIL ? verdict.summary()
                : verdict.summary() + "; but the plan has " + gaps.size() + " gap(s)";
        return Verdict.fail(verdict.item(), summary, verdict.evidence(), findings);
    }

    private static Verdict tested(DiscoveredInput plan, MapNode root, LocalDate today) {
        List<String> evidence = new ArrayList<>();
        evidence.add(plan.path() + ": RPO " + root.text("rpo").orElse("?") + ", RTO " + root.text("rto").orElse("?"));
        root.list("failover_procedures").ifPresent(list -> evidence.add(list.size() + " failover procedures"));
        Optional<MapNode> testing = root.map("testing");
        Optional<String> lastTest = testing.flatMap(t -> t.text("last_test"));
        if (lastTest.isEmpty()) {
            return Verdict.fail(ChecklistItem.DISASTER_RECOVERY_TESTED, "the plan has never been tested", evidence,
                    List.of(new Finding("dr/never-tested", Severity.HIGH, "the disaster-recovery plan records no test",
                            testing.map(MapNode::location).orElse(root.location()),
                            "run a failover test and record it as testing.last_test")));
        }
        Duration every = testing.flatMap(t -> t.text("frequency"))
                .flatMap(text -> TestFrequency.parse(text).asOptional())
                .orElse(Duration.ofDays(366));
        LocalDate last;
        try {
            last = LocalDate.parse(lastTest.get());
        } catch (DateTimeParseException badDate) {
            return Verdict.fail(ChecklistItem.DISASTER_RECOVERY_TESTED, "the last test date is not a date", evidence,
                    List.of(new Finding("dr/invalid-plan", Severity.MEDIUM, "testing.last_test \"" + lastTest.get()
                            + "\" is not a date", testing.get().locationOf("last_test"), "write it as 2026-10-01")));
        }
        long age = ChronoUnit.DAYS.between(last, today);
        long allowed = every.toDays();
        String frequency = testing.flatMap(t -> t.text("frequency")).orElse("yearly (assumed)");
        if (age > allowed) {
            return Verdict.fail(ChecklistItem.DISASTER_RECOVERY_TESTED, "last test " + last + " is " + age
                    + " days old; the plan says " + frequency + " (every " + Durations.format(every) + ")", evidence,
                    List.of(new Finding("dr/test-overdue", Severity.HIGH, "the last disaster-recovery test (" + last
                            + ") is " + (age - allowed) + " days overdue", testing.get().locationOf("last_test"),
                            "run the failover test, then update testing.last_test and next_test")));
        }
        if (age < 0) {
            return Verdict.fail(ChecklistItem.DISASTER_RECOVERY_TESTED, "last test " + last + " is in the future",
                    evidence, List.of(new Finding("dr/invalid-plan", Severity.LOW, "testing.last_test " + last
                            + " is after today (" + today + ")", testing.get().locationOf("last_test"),
                            "record the date the test actually ran")));
        }
        return Verdict.pass(ChecklistItem.DISASTER_RECOVERY_TESTED, "last tested " + last + " (" + age
                + " days ago); the plan says " + frequency, evidence);
    }
}
