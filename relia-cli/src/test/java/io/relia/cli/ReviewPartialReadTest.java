package io.relia.cli;

import io.relia.core.ExitCode;
import io.relia.core.Finding;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistEntry;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.Review;
import io.relia.core.review.ReviewResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.relia.core.review.ChecklistItem.ALERTS_WITH_RUNBOOKS;
import static io.relia.core.review.ChecklistItem.ARCHITECTURE_DIAGRAM;
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
 * No verdict from a partial read: a copy of the example with one input broken (so that it cannot be read, or reads
 * but is not valid) fails exactly the checklist items that rest on that input, names the file, line and column,
 * counts the file in the summary, and makes {@code --fail-on high} exit 1. Every other item keeps the verdict it has
 * on the intact example.
 */
class ReviewPartialReadTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "checkout-service");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static Map<ChecklistItem, CheckStatus> intact;

    @TempDir
    Path copy;

    @BeforeAll
    static void reviewTheIntactExample() {
        intact = statuses(Review.withInstalledAnalyzers(TODAY).run(EXAMPLE));
    }

    private static Map<ChecklistItem, CheckStatus> statuses(ReviewResult result) {
        return result.checklist().stream().collect(Collectors.toMap(ChecklistEntry::item, ChecklistEntry::status));
    }

    /** A tab where YAML expects indentation, on the first indented line after the first three. */
    private static String tabbed(String text) {
        List<String> lines = text.lines().collect(Collectors.toList());
        for (int i = 3; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  ") && !lines.get(i).isBlank()) {
                lines.set(i, "\t" + lines.get(i).substring(2));
                return String.join("\n", lines) + "\n";
            }
        }
        throw new IllegalStateException("no indented line to break");
    }

    private static Arguments broken(String file, String how, UnaryOperator<String> breakIt,
                                    Set<ChecklistItem> failing) {
        return Arguments.of(file, how, breakIt, failing);
    }

    static Stream<Arguments> brokenInputs() {
        Set<ChecklistItem> slo = EnumSet.of(SLOS_DEFINED, ERROR_BUDGET_TRACKING, ALERTS_WITH_RUNBOOKS);
        Set<ChecklistItem> code = EnumSet.of(CIRCUIT_BREAKERS, RETRY_BACKOFF, TIMEOUTS, METRICS_EXPOSED,
                STRUCTURED_LOGGING, DISTRIBUTED_TRACING);
        Set<ChecklistItem> kubernetes = EnumSet.of(SINGLE_POINTS_OF_FAILURE, CIRCUIT_BREAKERS, SECRETS_MANAGEMENT,
                NETWORK_POLICIES, AUTO_SCALING, RESOURCE_LIMITS);
        return Stream.of(
                broken("relia.yaml", "a tab", ReviewPartialReadTest::tabbed, EnumSet.of(ARCHITECTURE_DIAGRAM,
                        DEPENDENCIES_DOCUMENTED, DASHBOARDS, ON_CALL, SECURITY_REVIEW, CIRCUIT_BREAKERS,
                        INCIDENT_RESPONSE_PLAN)),
                broken("reliability/slos.yaml", "a tab", ReviewPartialReadTest::tabbed, slo),
                broken("reliability/slos.yaml", "a bad indent",
                        text -> text.replaceFirst("\n    description: \"Median", "\n   description: \"Median"), slo),
                broken("reliability/slos.yaml", "a missing key", text -> text.replaceFirst("\n    target: 100ms", ""),
                        slo),
                broken("reliability/sloth/checkout-availability.yaml", "a tab", ReviewPartialReadTest::tabbed, slo),
                broken("reliability/openslo/checkout-availability.yaml", "a tab", ReviewPartialReadTest::tabbed, slo),
                broken("reliability/history/checkout-requests.om", "a line that is not OpenMetrics",
                        text -> text.replaceFirst("\n", "\nthis is not openmetrics\n"),
                        EnumSet.of(SLOS_DEFINED, ERROR_BUDGET_TRACKING)),
                broken("monitoring/alerts.yaml", "a tab", ReviewPartialReadTest::tabbed,
                        EnumSet.of(ALERTS_WITH_RUNBOOKS)),
                broken("reliability/runbooks/high-cpu-usage.yaml", "a tab", ReviewPartialReadTest::tabbed,
                        EnumSet.of(RUNBOOKS, ALERTS_WITH_RUNBOOKS, INCIDENT_RESPONSE_PLAN)),
                broken("reliability/runbooks/high-cpu-usage.yaml", "an unknown severity",
                        text -> text.replaceFirst("severity: SEV3", "severity: SEV9"),
                        EnumSet.of(RUNBOOKS, ALERTS_WITH_RUNBOOKS, INCIDENT_RESPONSE_PLAN)),
                broken("reliability/chaos/payments-hang.yaml", "a tab", ReviewPartialReadTest::tabbed,
                        EnumSet.of(GRACEFUL_DEGRADATION)),
                broken("reliability/capacity.yaml", "a tab", ReviewPartialReadTest::tabbed,
                        EnumSet.of(CAPACITY_PLANNING, LOAD_TESTED)),
                broken("reliability/disaster-recovery.yaml", "a tab", ReviewPartialReadTest::tabbed,
                        EnumSet.of(DISASTER_RECOVERY_TESTED)),
                broken("reliability/incidents.yaml", "a tab", ReviewPartialReadTest::tabbed,
                        EnumSet.of(INCIDENT_RESPONSE_PLAN)),
                broken("deploy/k8s/checkout.yaml", "a tab", ReviewPartialReadTest::tabbed, kubernetes),
                broken("src/main/java/io/relia/example/PaymentsClient.java", "a syntax error",
                        text -> text.replaceFirst("\n", "\npublic class { oops\n"), code));
    }

    private void copyExample() throws IOException {
        Files.walkFileTree(EXAMPLE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.getFileName().toString().equals("target")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(copy.resolve(EXAMPLE.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, copy.resolve(EXAMPLE.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("brokenInputs")
    void aBrokenInputFailsEveryItemThatRestsOnItAndNoOther(String file, String how, UnaryOperator<String> breakIt,
                                                           Set<ChecklistItem> failing) throws IOException {
        copyExample();
        Path broken = copy.resolve(file);
        Files.writeString(broken, breakIt.apply(Files.readString(broken)));

        ReviewResult result = Review.withInstalledAnalyzers(TODAY).run(copy);

        for (ChecklistEntry entry : result.checklist()) {
            if (failing.contains(entry.item())) {
                assertThat(entry.status()).as(entry.item().title()).isEqualTo(CheckStatus.FAIL);
                assertThat(entry.findings()).as(entry.item().title()).anySatisfy(finding -> {
                    assertThat(finding.ruleId()).isEqualTo(Finding.INPUT_INVALID);
                    assertThat(finding.location().file()).isEqualTo(broken.toString());
                    assertThat(finding.location().line()).isPositive();
                });
            } else {
                assertThat(entry.status()).as(entry.item().title()).isEqualTo(intact.get(entry.item()));
            }
        }
        assertThat(result.unreadableFiles()).containsExactly(broken.toString());
        CliRun run = CliRun.of("review", copy.toString(), "--fail-on", "high", "--no-color");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
        assertThat(run.out()).contains("1 input file could not be read or validated", broken + ":");
    }

    @Test
    void aRunbookWithSeveralMistakesShowsThemAllAtOnce() throws IOException {
        copyExample();
        Path runbook = copy.resolve("reliability/runbooks/high-cpu-usage.yaml");
        Files.writeString(runbook, Files.readString(runbook).replaceFirst("severity: SEV3", "severity: SEV9")
                .replaceFirst("  - step: 2", "  - step: 1").replaceFirst("after: [^\n]*", "after: soonish"));

        CliRun validate = CliRun.of("validate", runbook.toString());

        assertThat(validate.exitCode()).isEqualTo(ExitCode.INPUT);
        assertThat(validate.err().lines().filter(line -> line.contains(": error: "))).hasSize(3)
                .anySatisfy(line -> assertThat(line).contains("\"SEV9\""))
                .anySatisfy(line -> assertThat(line).contains("two steps are number 1"))
                .anySatisfy(line -> assertThat(line).contains("\"soonish\" is not a duration"));
        ReviewResult review = Review.withInstalledAnalyzers(TODAY).run(copy);
        assertThat(review.checklist()).filteredOn(entry -> entry.item() == RUNBOOKS).singleElement()
                .satisfies(entry -> assertThat(entry.findings()).filteredOn(finding ->
                        finding.ruleId().equals(Finding.INPUT_INVALID)).hasSize(3));
    }
}
