package io.relia.chaos.experiment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ToleranceTest {

    private static final Map<String, Object> HTTP_OK = Map.of("status", 200, "headers", Map.of(),
            "body", Map.of("status", "UP", "checks", List.of(Map.of("name", "db", "status", "UP"),
                    Map.of("name", "cache", "status", "DOWN"))));

    @Test
    void aBooleanOrTextEqualsTheOutput() {
        assertThat(new Tolerance.Equals(true).met(true)).isTrue();
        assertThat(new Tolerance.Equals(true).met(false)).isFalse();
        assertThat(new Tolerance.Equals("UP").met("UP")).isTrue();
        assertThat(new Tolerance.Equals("UP").met("DOWN")).isFalse();
    }

    @Test
    void anIntegerEqualsTheStatusOfAnHttpOrProcessResult() {
        assertThat(new Tolerance.Equals(200L).met(HTTP_OK)).isTrue();
        assertThat(new Tolerance.Equals(500L).met(HTTP_OK)).isFalse();
        assertThat(new Tolerance.Equals(0L).met(Map.of("status", 0, "stdout", "", "stderr", ""))).isTrue();
    }

    @Test
    void anIntegerEqualsAPlainNumberOutput() {
        assertThat(new Tolerance.Equals(3L).met(3.0)).isTrue();
        assertThat(new Tolerance.Equals(3L).met(4)).isFalse();
    }

    @Test
    void aListHoldsTheStatusesAllowedForAMapOutput() {
        assertThat(new Tolerance.AnyOf(List.of(200L, 204L)).met(HTTP_OK)).isTrue();
        assertThat(new Tolerance.AnyOf(List.of(500L, 503L)).met(HTTP_OK)).isFalse();
    }

    @Test
    void aListOfTwoNumbersIsAnInclusiveRangeForANumberOutput() {
        Tolerance between = new Tolerance.AnyOf(List.of(10L, 20L));

        assertThat(between.met(10)).isTrue();
        assertThat(between.met(15.5)).isTrue();
        assertThat(between.met(20)).isTrue();
        assertThat(between.met(20.01)).isFalse();
    }

    @Test
    void aListOfTextIsMembership() {
        assertThat(new Tolerance.AnyOf(List.of("UP", "DEGRADED")).met("DEGRADED")).isTrue();
        assertThat(new Tolerance.AnyOf(List.of("UP", "DEGRADED")).met("DOWN")).isFalse();
    }

    @Test
    void aRegexSearchesTheBodyOrStdoutOrTheNamedTarget() {
        assertThat(new Tolerance.Regex(Pattern.compile("\"status\":\"UP\""), Optional.empty()).met(HTTP_OK))
                .isTrue();
        assertThat(new Tolerance.Regex(Pattern.compile("^ready$"), Optional.empty())
                .met(Map.of("status", 0, "stdout", "ready", "stderr", ""))).isTrue();
        assertThat(new Tolerance.Regex(Pattern.compile("warn"), Optional.of("stderr"))
                .met(Map.of("status", 0, "stdout", "warn", "stderr", ""))).isFalse();
    }

    @Test
    void aJsonPathWithExpectRequiresEveryMatchToEqualIt() {
        Tolerance allUp = new Tolerance.JsonPathMatch(JsonPath.parse("$.checks[*].status"), Optional.empty(),
                Optional.of("UP"), Optional.empty());
        Tolerance dbUp = new Tolerance.JsonPathMatch(JsonPath.parse("$.checks[0].status"), Optional.empty(),
                Optional.of("UP"), Optional.empty());

        assertThat(allUp.met(HTTP_OK)).isFalse();
        assertThat(dbUp.met(HTTP_OK)).isTrue();
    }

    @Test
    void aJsonPathWithCountRequiresExactlyThatManyMatches() {
        Tolerance twoStatuses = new Tolerance.JsonPathMatch(JsonPath.parse("$..name"), Optional.empty(),
                Optional.empty(), Optional.of(2));

        assertThat(twoStatuses.met(HTTP_OK)).isTrue();
        assertThat(new Tolerance.JsonPathMatch(JsonPath.parse("$.missing"), Optional.empty(), Optional.empty(),
                Optional.empty()).met(HTTP_OK)).isFalse();
    }

    @Test
    void aJsonPathReadsJsonTextSuchAsProcessOutput() {
        Tolerance ready = new Tolerance.JsonPathMatch(JsonPath.parse("$['state'].ready"), Optional.of("stdout"),
                Optional.of(true), Optional.empty());

        assertThat(ready.met(Map.of("status", 0, "stdout", "{\"state\": {\"ready\": true}}"))).isTrue();
    }

    @Test
    void aRangeComparesTheTargetAsADecimal() {
        Tolerance range = new Tolerance.Range(new BigDecimal("0.1"), new BigDecimal("0.3"), Optional.of("value"));

        assertThat(range.met(Map.of("value", 0.3))).isTrue();
        assertThat(range.met(Map.of("value", "0.2"))).isTrue();
        assertThat(range.met(Map.of("value", 0.31))).isFalse();
        assertThat(range.met(Map.of("value", "n/a"))).isFalse();
    }

    @Test
    void aNativeConditionJudgesAMeasurement() {
        Tolerance fast = new Tolerance.Meets(ConditionParser.parse("p99_latency < 500ms").orThrow());

        assertThat(fast.met(499.9)).isTrue();
        assertThat(fast.met(500.0)).isFalse();
        assertThat(fast.met(null)).isFalse();
        assertThat(new Tolerance.Meets(ConditionParser.parse("open == true").orThrow()).met(true)).isTrue();
    }

    @Test
    void jsonPathsOutsideTheSupportedSubsetAreRefusedWithThePosition() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonPath.parse("$.items[?(@.ok)]"))
                .hasMessageStartingWith("unsupported JSONPath syntax").hasMessageContaining("character 8");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonPath.parse("$.items[1:3]"))
                .hasMessageStartingWith("unsupported JSONPath syntax");
    }

    @Test
    void aBrokenJsonPathIsInvalidNotBeyondTheSubset() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonPath.parse("$.items[oops"))
                .hasMessageStartingWith("invalid JSONPath syntax at character 8");
    }
}
