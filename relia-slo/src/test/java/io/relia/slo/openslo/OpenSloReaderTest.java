package io.relia.slo.openslo;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import io.relia.slo.AlertTier;
import io.relia.slo.Alerting;
import io.relia.slo.Sli;
import io.relia.slo.Slo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OpenSloReaderTest {

    /** The example of the research report, §4 (line numbers below refer to it). */
    private static final String EXAMPLE = """
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: checkout-availability
              displayName: Checkout availability
            spec:
              service: checkout
              description: Share of non-5xx checkout responses.
              indicator:
                metadata:
                  name: checkout-non-5xx
                spec:
                  ratioMetric:
                    counter: true
                    bad:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: sum(rate(http_requests_total{service="checkout",code=~"5.."}[{{.window}}]))
                    total:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: sum(rate(http_requests_total{service="checkout"}[{{.window}}]))
              timeWindow:
                - duration: 30d
                  isRolling: true
              budgetingMethod: Occurrences
              objectives:
                - displayName: 99.5% of requests succeed
                  targetPercent: 99.5
            """;

    private static final String BAD = "sum(rate(http_requests_total{service=\"checkout\",code=~\"5..\"}[{{.window}}]))";
    private static final String TOTAL = "sum(rate(http_requests_total{service=\"checkout\"}[{{.window}}]))";

    /** An SLO referencing {@code checkout-requests}, defined after it (line numbers below refer to it). */
    private static final String WITH_SLI_DOCUMENT = """
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: checkout-availability
            spec:
              service: checkout
              indicatorRef: checkout-requests
              budgetingMethod: Occurrences
              objectives:
                - target: 0.995
            ---
            apiVersion: openslo/v1
            kind: SLI
            metadata:
              name: checkout-requests
            spec:
              ratioMetric:
                counter: true
                good:
                  metricSource:
                    type: prometheus
                    spec:
                      query: http_requests_total{service="checkout", code!~"5.."}
                total:
                  metricSource:
                    metricSourceRef: prometheus
                    type: Prometheus
                    spec:
                      query: http_requests_total
            ---
            apiVersion: openslo/v1
            kind: DataSource
            metadata: {name: prometheus}
            spec: {type: Prometheus}
            """;

    private final Problems problems = new Problems();

    private List<Slo> read(String yaml) {
        LoadResult loaded = SpecLoader.parse(Path.of("slo.yaml"), yaml);
        assertThat(loaded.problems()).isEmpty();
        List<MapNode> roots = loaded.file().orElseThrow().documents().stream().map(SpecDocument::root)
                .map(MapNode.class::cast).toList();
        assertThat(roots).allMatch(OpenSloReader::accepts);
        return OpenSloReader.read(roots, problems);
    }

    private List<String> messages() {
        return problems.sorted().stream().map(Problem::format).toList();
    }

    /** The example with one line replaced, so that reported lines stay those of {@link #EXAMPLE}. */
    private static String example(String line, String replacement) {
        assertThat(EXAMPLE).contains(line);
        return EXAMPLE.replace(line, replacement);
    }

    /** The yaml without the text from {@code from} up to {@code to}. */
    private static String cut(String yaml, String from, String to) {
        return yaml.substring(0, yaml.indexOf(from)) + yaml.substring(yaml.indexOf(to));
    }

    private String onlyError(String yaml) {
        assertThat(read(yaml)).isEmpty();
        assertThat(messages()).hasSize(1);
        return messages().getFirst();
    }

    @Test
    void readsTheResearchExampleIntoExactSloFields() {
        List<Slo> slos = read(EXAMPLE);

        assertThat(messages()).isEmpty();
        assertThat(slos).containsExactly(new Slo("checkout", "checkout-availability",
                "Share of non-5xx checkout responses.", 99.5, Optional.of(Duration.ofDays(30)),
                new Sli.Events(BAD, TOTAL), Map.of(),
                new Alerting("CheckoutAvailabilitySloBurnRate", Map.of(),
                        Map.of("description", "Share of non-5xx checkout responses."),
                        new AlertTier(false, Map.of("severity", "critical"), Map.of()),
                        new AlertTier(false, Map.of("severity", "warning"), Map.of())),
                List.of(), "openslo/v1", new Location("slo.yaml", 1, 1)));
    }

    @Test
    void resolvesIndicatorRefToAnSliDocumentLaterInTheFile() {
        Slo slo = read(WITH_SLI_DOCUMENT).getFirst();

        assertThat(messages()).isEmpty();
        assertThat(slo.sli()).isInstanceOf(Sli.Events.class);
        assertThat(slo.period()).isEmpty();
        assertThat(slo.alerting().annotations()).isEmpty();
    }

    @Test
    void ratesGoodAndTotalCounterSelectorsOverTheWindow() {
        Slo slo = read(WITH_SLI_DOCUMENT).getFirst();

        assertThat(slo.sli()).isEqualTo(new Sli.Events(
                "(sum(rate(http_requests_total[{{.window}}]))) - "
                        + "(sum(rate(http_requests_total{service=\"checkout\", code!~\"5..\"}[{{.window}}])))",
                "sum(rate(http_requests_total[{{.window}}]))"));
    }

    @Test
    void ratesCounterSelectorsWrittenInsideSum() {
        Slo slo = read(example("query: sum(rate(http_requests_total{service=\"checkout\"}[{{.window}}]))",
                "query: sum( http_requests_total{service=\"checkout\", route=\"/a}\"} )")).getFirst();

        assertThat(messages()).isEmpty();
        assertThat(slo.sli()).isEqualTo(new Sli.Events(BAD,
                "sum(rate(http_requests_total{service=\"checkout\", route=\"/a}\"}[{{.window}}]))"));
    }

    @Test
    void targetRatioBecomesExactlyTheSamePercentAsTargetPercent() {
        Slo slo = read(WITH_SLI_DOCUMENT).getFirst();

        assertThat(slo.objective()).isEqualTo(99.5);
        assertThat(read(WITH_SLI_DOCUMENT.replace("target: 0.995", "target: 0.999")).getFirst().objective())
                .isEqualTo(99.9);
    }

    @Test
    void labelsWithListValuesBecomeCommaSeparated() {
        Slo slo = read(example("  displayName: Checkout availability\n", """
                  labels:
                    team: [identity, rbac]
                    tier: "1"
                """)).getFirst();

        assertThat(messages()).isEmpty();
        assertThat(slo.labels()).containsExactly(Map.entry("team", "identity,rbac"), Map.entry("tier", "1"));
    }

    @Test
    void rawFailureRatioIsTheErrorRatio() {
        Slo slo = read(rawSli("failure")).getFirst();

        assertThat(messages()).isEmpty();
        assertThat(slo.sli()).isEqualTo(new Sli.Raw("slo:error_ratio{{.window}}"));
    }

    @Test
    void rawSuccessRatioIsSubtractedFromOne() {
        Slo slo = read(rawSli("success")).getFirst();

        assertThat(slo.sli()).isEqualTo(new Sli.Raw("1 - (slo:error_ratio{{.window}})"));
    }

    private static String rawSli(String rawType) {
        return WITH_SLI_DOCUMENT.substring(0, WITH_SLI_DOCUMENT.indexOf("  ratioMetric:")) + """
                  ratioMetric:
                    rawType: %s
                    raw:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: slo:error_ratio{{.window}}
                """.formatted(rawType);
    }

    @Test
    void readsTheCheckoutServiceExampleWithoutProblems() throws IOException {
        Path file = Path.of("..", "examples", "checkout-service", "reliability", "openslo",
                "checkout-availability.yaml");
        String selector = "http_requests_total{service=\"checkout\",route=\"/checkout\"";

        Slo slo = read(Files.readString(file)).getFirst();

        assertThat(messages()).isEmpty();
        assertThat(slo.id()).isEqualTo("checkout-checkout-availability");
        assertThat(slo.objective()).isEqualTo(99.9);
        assertThat(slo.period()).contains(Duration.ofDays(28));
        assertThat(slo.sli()).isEqualTo(new Sli.Events(
                "(sum(rate(" + selector + "}[{{.window}}]))) - (sum(rate(" + selector
                        + ",status!~\"5..\"}[{{.window}}])))",
                "sum(rate(" + selector + "}[{{.window}}]))"));
    }

    @Test
    void readsServiceAndDataSourceObjectsBesideTheSlo() {
        List<Slo> slos = read(EXAMPLE + """
                ---
                apiVersion: openslo/v1
                kind: Service
                metadata: {name: checkout}
                spec: {description: anything}
                ---
                apiVersion: openslo/v1
                kind: DataSource
                metadata: {name: prometheus}
                spec: {type: Prometheus}
                """);

        assertThat(slos).hasSize(1);
        assertThat(messages()).isEmpty();
    }

    @Test
    void returnsTheValidSlosOfAFileWithAnInvalidOne() {
        List<Slo> slos = read(EXAMPLE + "---\n" + EXAMPLE.replace("checkout-availability", "checkout-latency")
                .replace("budgetingMethod: Occurrences", "budgetingMethod: Timeslices"));

        assertThat(slos).extracting(Slo::name).containsExactly("checkout-availability");
        assertThat(messages()).hasSize(1);
    }

    @Test
    void rejectsV2alphaOnceForTheFileNamingTheVersionsRead() {
        assertThat(onlyError(EXAMPLE.replace("openslo/v1", "openslo.com/v2alpha") + "---\n"
                + EXAMPLE.replace("openslo/v1", "openslo.com/v2alpha").replace("checkout-availability", "other")))
                .isEqualTo("slo.yaml:1:13: error: OpenSLO openslo.com/v2alpha is not supported (2 objects in this "
                        + "file); expected apiVersion: openslo/v1 or openslo/v1alpha (hint: v2alpha is a draft that "
                        + "renames fields (sli, serviceRef, dataSourceRef); write the objects as openslo/v1)");
    }

    @Test
    void rejectsOtherOpenSloVersions() {
        assertThat(onlyError(EXAMPLE.replace("openslo/v1", "openslo/v3"))).isEqualTo(
                "slo.yaml:1:13: error: OpenSLO openslo/v3 is not supported (1 object in this file); expected "
                        + "apiVersion: openslo/v1 or openslo/v1alpha");
    }

    @Test
    void warnsAboutUnknownKindsWithDidYouMean() {
        assertThat(read(example("kind: SLO", "kind: Sli"))).isEmpty();

        assertThat(messages()).containsExactly(
                "slo.yaml:2:7: warning: unknown openslo/v1 kind \"Sli\"; expected SLO, SLI, Service, DataSource, "
                        + "AlertPolicy, AlertCondition, AlertNotificationTarget (hint: did you mean \"SLI\"?)");
    }

    @Test
    void warnsAboutUnknownKeysWithDidYouMean() {
        assertThat(read(example("  description:", "  descripton:"))).hasSize(1);

        assertThat(messages()).containsExactly("slo.yaml:8:3: warning: unknown key \"spec.descripton\" (hint: did "
                + "you mean \"description\"?)");
    }

    @Test
    void rejectsANameThatIsNotAnRfc1123Label() {
        assertThat(onlyError(example("name: checkout-availability", "name: Checkout_Availability"))).isEqualTo(
                "slo.yaml:4:9: error: SLO name \"Checkout_Availability\" is not valid; expected at most 63 lowercase "
                        + "letters, digits and '-', starting and ending with a letter or digit (RFC 1123)");
    }

    @Test
    void rejectsANameLongerThan63Characters() {
        assertThat(onlyError(example("name: checkout-availability", "name: " + "a".repeat(64))))
                .startsWith("slo.yaml:4:9: error: SLO name \"aaaa");
        assertThat(read(example("name: checkout-availability", "name: " + "a".repeat(63)))).hasSize(1);
    }

    @Test
    void requiresTheSloName() {
        assertThat(onlyError(example("  name: checkout-availability\n", ""))).isEqualTo(
                "slo.yaml:4:3: error: missing key \"metadata.name\"; expected the SLO's name");
    }

    @Test
    void rejectsALabelThatIsAMapping() {
        assertThat(onlyError(example("  displayName: Checkout availability\n",
                "  displayName: Checkout availability\n  labels:\n    team: {name: identity}\n"))).isEqualTo(
                "slo.yaml:7:11: error: \"metadata.labels.team\" is a mapping; expected a string or a list of strings");
    }

    @Test
    void requiresTheService() {
        assertThat(onlyError(example("  service: checkout\n", ""))).isEqualTo(
                "slo.yaml:7:3: error: missing key \"spec.service\"; expected the name of the service the SLO "
                        + "belongs to");
    }

    @Test
    void rejectsBothIndicatorAndIndicatorRef() {
        assertThat(onlyError(example("  indicator:\n", "  indicatorRef: checkout-non-5xx\n  indicator:\n")))
                .isEqualTo("slo.yaml:7:3: error: \"spec\" has both indicator and indicatorRef; expected exactly one "
                        + "of indicator (an inline SLI) and indicatorRef (the name of an SLI)");
    }

    @Test
    void rejectsAnSloWithoutIndicator() {
        assertThat(onlyError(cut(EXAMPLE, "  indicator:", "  timeWindow:"))).isEqualTo("slo.yaml:7:3: error: \"spec\" has neither indicator nor "
                + "indicatorRef; expected exactly one of indicator (an inline SLI) and indicatorRef (the name of an "
                + "SLI)");
    }

    @Test
    void unknownIndicatorRefSuggestsTheClosestSli() {
        assertThat(onlyError(WITH_SLI_DOCUMENT.replace("indicatorRef: checkout-requests",
                "indicatorRef: checkout-request"))).isEqualTo(
                "slo.yaml:7:17: error: no SLI named \"checkout-request\" in the files read; expected the name of a "
                        + "kind: SLI object (hint: did you mean \"checkout-requests\"?)");
    }

    @Test
    void rejectsCalendarAlignedWindows() {
        assertThat(onlyError(example("isRolling: true", "isRolling: false"))).isEqualTo(
                "slo.yaml:27:18: error: calendar-aligned windows are not supported; expected isRolling: true and a "
                        + "rolling duration such as 28d (hint: Relia's burn-rate alerts measure rolling windows)");
    }

    @Test
    void rejectsACalendarBlock() {
        assertThat(onlyError(example("      isRolling: true\n", "      calendar:\n"
                + "        startTime: 2020-01-21 12:30:00\n        timeZone: America/New_York\n"))).isEqualTo(
                "slo.yaml:27:7: error: calendar-aligned windows are not supported; expected isRolling: true and a "
                        + "rolling duration such as 28d (hint: Relia's burn-rate alerts measure rolling windows)");
    }

    @Test
    void takesAWindowWithoutIsRollingOrCalendarAsRolling() {
        Slo slo = read(example("      isRolling: true\n", "")).getFirst();

        assertThat(messages()).isEmpty();
        assertThat(slo.period()).contains(Duration.ofDays(30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1M", "1Q", "1Y"})
    void rejectsMonthQuarterAndYearDurations(String duration) {
        assertThat(onlyError(example("duration: 30d", "duration: " + duration))).isEqualTo(
                "slo.yaml:26:17: error: month/quarter/year windows are calendar windows; expected a rolling "
                        + "duration such as 28d");
    }

    @Test
    void reportsAnInvalidDurationWhereItIsWritten() {
        assertThat(onlyError(example("duration: 30d", "duration: 30 parsecs"))).isEqualTo(
                "slo.yaml:26:17: error: \"30 parsecs\" is not a duration; expected a duration such as 30s, 5m, "
                        + "1h30m, 28d or \"30 minutes\"");
    }

    @Test
    void rejectsMoreThanOneTimeWindow() {
        assertThat(onlyError(example("      isRolling: true\n", "      isRolling: true\n    - duration: 7d\n"
                + "      isRolling: true\n"))).isEqualTo("slo.yaml:26:5: error: \"spec.timeWindow\" has 2 items; "
                + "expected exactly one window, such as {duration: 28d, isRolling: true}");
    }

    @Test
    void requiresTheBudgetingMethod() {
        assertThat(onlyError(example("  budgetingMethod: Occurrences\n", ""))).isEqualTo(
                "slo.yaml:7:3: error: missing key \"spec.budgetingMethod\"; expected Occurrences");
    }

    @Test
    void rejectsTimeslicesBudgeting() {
        assertThat(onlyError(example("budgetingMethod: Occurrences", "budgetingMethod: Timeslices"))).isEqualTo(
                "slo.yaml:28:20: error: Timeslices budgeting is not supported; expected budgetingMethod: "
                        + "Occurrences (hint: Relia's burn-rate alerts count good and bad events)");
    }

    @Test
    void rejectsRatioTimeslicesBudgeting() {
        assertThat(onlyError(example("budgetingMethod: Occurrences", "budgetingMethod: RatioTimeslices")))
                .isEqualTo("slo.yaml:28:20: error: RatioTimeslices budgeting is not supported; expected "
                        + "budgetingMethod: Occurrences (hint: Relia's burn-rate alerts count good and bad events)");
    }

    @Test
    void rejectsAMisspeltBudgetingMethodWithDidYouMean() {
        assertThat(onlyError(example("budgetingMethod: Occurrences", "budgetingMethod: Occurences"))).isEqualTo(
                "slo.yaml:28:20: error: budgetingMethod \"Occurences\" is not valid; expected Occurrences (hint: did "
                        + "you mean \"Occurrences\"?)");
    }

    @Test
    void rejectsMoreThanOneObjective() {
        assertThat(onlyError(EXAMPLE + "    - targetPercent: 99\n")).isEqualTo(
                "slo.yaml:32:7: error: only one objective per SLO is supported; expected one objective with exactly "
                        + "one of target (a ratio such as 0.995) and targetPercent (a percentage such as 99.5) (hint: "
                        + "write one SLO per objective)");
    }

    @Test
    void rejectsBothTargetAndTargetPercent() {
        assertThat(onlyError(EXAMPLE + "      target: 0.995\n")).isEqualTo(
                "slo.yaml:30:7: error: \"spec.objectives[0]\" has both target and targetPercent; expected exactly "
                        + "one of target (a ratio such as 0.995) and targetPercent (a percentage such as 99.5)");
    }

    @Test
    void rejectsAnObjectiveWithoutTarget() {
        assertThat(onlyError(example("      targetPercent: 99.5\n", ""))).isEqualTo(
                "slo.yaml:30:7: error: \"spec.objectives[0]\" has neither target nor targetPercent; expected exactly "
                        + "one of target (a ratio such as 0.995) and targetPercent (a percentage such as 99.5)");
    }

    @Test
    void rejectsATargetOfOneOrMore() {
        assertThat(onlyError(WITH_SLI_DOCUMENT.replace("target: 0.995", "target: 99.5"))).isEqualTo(
                "slo.yaml:10:15: error: target 99.5 is out of range; expected more than 0 and less than 1, such as "
                        + "0.995 (hint: for a percentage write targetPercent: 99.5)");
    }

    @Test
    void rejectsATargetPercentOf100() {
        assertThat(onlyError(example("targetPercent: 99.5", "targetPercent: 100"))).isEqualTo(
                "slo.yaml:31:22: error: targetPercent 100 is out of range; expected more than 0 and less than 100, "
                        + "such as 99.5 (hint: a 100% objective leaves no error budget)");
    }

    @Test
    void rejectsThresholdObjectives() {
        assertThat(onlyError(example("    - displayName:", "    - op: lte\n      value: 0.3\n      displayName:")))
                .isEqualTo("slo.yaml:30:7: error: threshold objectives (op and value) are not supported; expected "
                        + "target or targetPercent");
    }

    @Test
    void rejectsThresholdMetricIndicators() {
        String yaml = example("      ratioMetric:", "      thresholdMetric:");

        assertThat(read(yaml)).isEmpty();
        assertThat(messages()).containsExactly("slo.yaml:13:7: error: threshold metrics are not supported; expected "
                + "a ratioMetric (good or bad with total, or raw)");
    }

    @Test
    void rejectsMetricSourcesOtherThanPrometheus() {
        assertThat(onlyError(EXAMPLE.replaceFirst("type: Prometheus", "type: Datadog"))).isEqualTo(
                "slo.yaml:17:19: error: Datadog metric sources are not supported; expected type: Prometheus (hint: "
                        + "Relia generates Prometheus rules)");
    }

    @Test
    void rejectsACounterQueryThatIsNeitherWindowedNorAPlainSelector() {
        assertThat(onlyError(example("query: " + TOTAL, "query: sum by (route) (http_requests_total)"))).isEqualTo(
                "slo.yaml:24:22: error: the query has no {{.window}} and is not a plain counter selector; expected a "
                        + "PromQL query with {{.window}} as its range, or with counter: true a counter selector such "
                        + "as http_requests_total{code=~\"5..\"} (hint: use rate(...[{{.window}}]))");
    }

    @Test
    void rejectsAQueryWithoutWindowWhenTheMetricIsNotACounter() {
        assertThat(onlyError(example("counter: true", "counter: false")
                .replace("query: " + TOTAL, "query: http_requests_total"))).isEqualTo(
                "slo.yaml:24:22: error: the query has no {{.window}} and is not a plain counter selector; expected a "
                        + "PromQL query with {{.window}} as its range, or with counter: true a counter selector such "
                        + "as http_requests_total{code=~\"5..\"} (hint: use rate(...[{{.window}}]))");
    }

    @Test
    void rejectsARawQueryWithoutWindowEvenForACounter() {
        assertThat(onlyError(rawSli("failure").replace("slo:error_ratio{{.window}}", "slo_errors_total")
                .replace("  ratioMetric:\n", "  ratioMetric:\n    counter: true\n"))).isEqualTo(
                "slo.yaml:24:18: error: the raw query has no {{.window}}; expected an error or success ratio over "
                        + "{{.window}} (hint: use rate(...[{{.window}}]) inside the ratio)");
    }

    @Test
    void rejectsAnUnknownRawTypeWithDidYouMean() {
        assertThat(onlyError(rawSli("failures"))).isEqualTo("slo.yaml:18:14: error: rawType \"failures\" is not "
                + "valid; expected success or failure (hint: did you mean \"failure\"?)");
    }

    @Test
    void rejectsBothGoodAndBad() {
        assertThat(onlyError(WITH_SLI_DOCUMENT.replace("    total:\n", """
                    bad:
                      metricSource:
                        type: Prometheus
                        spec:
                          query: http_requests_total{code=~"5.."}
                    total:
                """))).isEqualTo("slo.yaml:18:5: error: \"spec.ratioMetric\" has both good and bad; expected "
                + "exactly one of good and bad, with total");
    }

    @Test
    void rejectsNeitherGoodNorBad() {
        assertThat(onlyError(cut(WITH_SLI_DOCUMENT, "    good:", "    total:"))).isEqualTo("slo.yaml:18:5: error: \"spec.ratioMetric\" has neither good nor bad; "
                + "expected exactly one of good and bad, with total");
    }

    @Test
    void takesTheTypeOfTheReferencedDataSource() {
        assertThat(read(WITH_SLI_DOCUMENT.replace("        type: Prometheus\n", ""))).hasSize(1);
        assertThat(messages()).isEmpty();
    }

    @Test
    void refusesASourceWhoseDataSourceIsNotPrometheus() {
        assertThat(onlyError(WITH_SLI_DOCUMENT.replace("        type: Prometheus\n", "")
                .replace("spec: {type: Prometheus}", "spec: {type: NewRelic}"))).isEqualTo(
                "slo.yaml:26:26: error: NewRelic metric sources are not supported; expected type: Prometheus (hint: "
                        + "Relia generates Prometheus rules)");
    }

    @Test
    void anUnresolvedMetricSourceRefNamesTheMissingDataSource() {
        assertThat(onlyError(WITH_SLI_DOCUMENT.replace("metadata: {name: prometheus}", "metadata: {name: prom}")))
                .isEqualTo("slo.yaml:26:26: error: no DataSource named \"prometheus\" in the files read; expected "
                        + "the name of a kind: DataSource object (hint: DataSources defined: prom)");
    }

    @Test
    void requiresATypeOrAMetricSourceRef() {
        assertThat(onlyError(WITH_SLI_DOCUMENT.replace("        metricSourceRef: prometheus\n        type: "
                + "Prometheus\n", ""))).isEqualTo("slo.yaml:26:9: error: missing key "
                + "\"spec.ratioMetric.total.metricSource.type\"; expected type: Prometheus, or metricSourceRef naming "
                + "a DataSource");
    }

    @Test
    void doesNotReturnAnSloWhoseReferencedSliIsInvalid() {
        assertThat(onlyError(WITH_SLI_DOCUMENT.replace("type: prometheus", "type: Datadog"))).isEqualTo(
                "slo.yaml:21:15: error: Datadog metric sources are not supported; expected type: Prometheus (hint: "
                        + "Relia generates Prometheus rules)");
    }

    @Test
    void rejectsADuplicateSloName() {
        assertThat(read(EXAMPLE + "---\n" + EXAMPLE)).hasSize(1);

        assertThat(messages()).containsExactly("slo.yaml:36:9: error: duplicate SLO name \"checkout-availability\" "
                + "(first at line 4); expected a unique name per SLO");
    }
}
