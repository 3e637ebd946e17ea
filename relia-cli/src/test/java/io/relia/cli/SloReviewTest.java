package io.relia.cli;

import io.relia.core.Finding;
import io.relia.core.Severity;
import io.relia.core.review.CheckStatus;
import io.relia.core.review.ChecklistEntry;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.Review;
import io.relia.core.review.ReviewResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The review's SLO section on services whose SLOs share an alert name or are written twice. */
class SloReviewTest {

    private static final Path EXAMPLE = Path.of("../examples/checkout-service/reliability");
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path service;

    @Test
    void twoDifferentSlosGeneratingOneAlertNameAreAFindingOfTheSloSection() throws IOException {
        Path reliability = Files.createDirectories(service.resolve("reliability"));
        Files.copy(EXAMPLE.resolve("sloth/checkout-availability.yaml"), reliability.resolve("availability.yaml"));
        Files.copy(SloCommandTest.CLASH, reliability.resolve("throttling.yaml"));

        ReviewResult result = Review.withInstalledAnalyzers(TODAY).run(service);

        assertThat(entry(result).status()).isEqualTo(CheckStatus.WARN);
        assertThat(entry(result).summary()).startsWith("2 valid SLOs in 2 files").endsWith("1 alert name(s) shared by "
                + "different SLOs");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("slo/alert-name-clash")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(finding.message()).startsWith("SLOs checkout-requests-availability and "
                            + "checkout-requests-throttling both generate alert CheckoutAvailabilityBudgetBurn");
                    assertThat(finding.location().file()).endsWith("throttling.yaml");
                });
    }

    @Test
    void theSameSloWrittenTwiceCountsOnceWithoutAClash() throws IOException {
        Path reliability = Files.createDirectories(service.resolve("reliability"));
        Files.copy(EXAMPLE.resolve("slos.yaml"), reliability.resolve("slos.yaml"));
        Files.copy(EXAMPLE.resolve("openslo/checkout-availability.yaml"), reliability.resolve("openslo.yaml"));

        ReviewResult result = Review.withInstalledAnalyzers(TODAY).run(service);

        assertThat(entry(result).summary()).startsWith("3 valid SLOs in 2 files (checkout-availability is written 2 "
                + "times, counted once)");
        assertThat(result.findings()).extracting(Finding::ruleId).doesNotContain("slo/alert-name-clash");
    }

    private static ChecklistEntry entry(ReviewResult result) {
        return result.checklist().stream().filter(e -> e.item() == ChecklistItem.SLOS_DEFINED).findFirst()
                .orElseThrow();
    }
}
