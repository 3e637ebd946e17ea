package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Toxic attributes outside the range the proxy computes with exactly are refused with 400, naming the attribute and
 * the range, on create and on update; the largest value allowed is taken. Before, a bandwidth rate of 2^63 − 1
 * overflowed into 1-byte slices and a slicer delay of 10^13 µs held data for 116 days.
 */
@Tag("integration")
class AttributeRangesTest extends ProxyTestSupport {
    private static final String HOUR_MS = "3600000";

    @BeforeEach
    void createProxies() {
        api.proxy("tcp", echo.address());
        api.json("POST", "/proxies", "{\"name\":\"web\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address()
                + "\",\"mode\":\"http\"}");
    }

    /** Type, attribute, the largest value taken, and the range an error names. */
    static Stream<Arguments> ranges() {
        String ms = "a whole number 0..3600000 (ms)";
        String bytes = "a whole number 0..9007199254740991 (bytes)";
        return Stream.of(
                Arguments.of("latency", "latency", HOUR_MS, ms),
                Arguments.of("latency", "jitter", HOUR_MS, ms),
                Arguments.of("bandwidth", "rate", "1000000000", "a whole number 0..1000000000 (KB/s)"),
                Arguments.of("slow_close", "delay", HOUR_MS, ms),
                Arguments.of("timeout", "timeout", HOUR_MS, ms),
                Arguments.of("reset_peer", "timeout", HOUR_MS, ms),
                Arguments.of("slicer", "average_size", "1073741824", "a whole number 0..1073741824 (bytes)"),
                Arguments.of("slicer", "size_variation", "1073741824", "a whole number 0..1073741824 (bytes)"),
                Arguments.of("slicer", "delay", "3600000000", "a whole number 0..3600000000 (µs)"),
                Arguments.of("limit_data", "bytes", "9007199254740991", bytes),
                Arguments.of("http_latency", "latency", HOUR_MS, ms),
                Arguments.of("http_latency", "jitter", HOUR_MS, ms),
                Arguments.of("http_abort", "bytes", "9007199254740991", bytes));
    }

    private static String proxyFor(String type) {
        return type.startsWith("http_") ? "web" : "tcp";
    }

    /** http_status needs a status even when another attribute is under test. */
    private static String body(String type, String attribute, String value) {
        return "{\"name\":\"t\",\"type\":\"" + type + "\",\"attributes\":{\"" + attribute + "\":" + value + "}}";
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("ranges")
    void largestValueIsTakenAndOneMoreIsRefusedNamingTheRange(String type, String attribute, String max,
                                                             String expected) {
        String proxy = proxyFor(type);
        String tooBig = String.valueOf(Long.parseLong(max) + 1);

        HttpResponse<String> refused = api.call("POST", "/proxies/" + proxy + "/toxics", body(type, attribute, tooBig));
        assertBadRequest(refused, "bad request body: attributes." + attribute + ": expected " + expected + ", got "
                + tooBig);

        JsonNode created = api.toxic(proxy, body(type, attribute, max));
        assertThat(created.get("attributes").get(attribute).asLong()).isEqualTo(Long.parseLong(max));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("ranges")
    void negativeOverflowingAndFractionalValuesAreRefused(String type, String attribute, String max,
                                                        String expected) {
        String path = "/proxies/" + proxyFor(type) + "/toxics";
        for (String value : new String[] {"-1", "9223372036854775807", "18446744073709551616", "1.5", "\"10\""}) {
            assertBadRequest(api.call("POST", path, body(type, attribute, value)),
                    "bad request body: attributes." + attribute + ": expected " + expected + ", got " + value);
        }
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("ranges")
    void updatesAreCheckedTooAndKeepTheOldValue(String type, String attribute, String max, String expected) {
        String proxy = proxyFor(type);
        api.toxic(proxy, body(type, attribute, "1"));

        HttpResponse<String> refused = api.call("POST", "/proxies/" + proxy + "/toxics/t",
                "{\"attributes\":{\"" + attribute + "\":9223372036854775807}}");

        assertBadRequest(refused, "bad request body: attributes." + attribute + ": expected " + expected
                + ", got 9223372036854775807");
        assertThat(api.json("GET", "/proxies/" + proxy + "/toxics/t", null).get("attributes").get(attribute).asLong())
                .isEqualTo(1);
    }

    @Test
    void theReportedOverflowsAreRefused() {
        assertBadRequest(api.call("POST", "/proxies/tcp/toxics", body("bandwidth", "rate", "9223372036854775807")),
                "bad request body: attributes.rate: expected a whole number 0..1000000000 (KB/s), got "
                        + "9223372036854775807");
        assertBadRequest(api.call("POST", "/proxies/tcp/toxics", body("slicer", "delay", "10000000000000")),
                "bad request body: attributes.delay: expected a whole number 0..3600000000 (µs), got 10000000000000");
    }

    @Test
    void ratiosAndToxicityStayBetweenZeroAndOne() {
        assertBadRequest(api.call("POST", "/proxies/tcp/toxics",
                        "{\"type\":\"packet_loss\",\"attributes\":{\"loss_rate\":1.01}}"),
                "bad request body: attributes.loss_rate: expected a number between 0 and 1, got 1.01");
        assertBadRequest(api.call("POST", "/proxies/tcp/toxics",
                        "{\"type\":\"packet_loss\",\"attributes\":{\"correlation\":-0.5}}"),
                "bad request body: attributes.correlation: expected a number between 0 and 1, got -0.5");
        assertBadRequest(api.call("POST", "/proxies/tcp/toxics", "{\"type\":\"latency\",\"toxicity\":1.5}"),
                "bad request body: toxicity: expected a number between 0 and 1, got 1.5");
        assertBadRequest(api.call("POST", "/proxies/tcp/toxics", "{\"type\":\"latency\",\"toxicity\":1e400}"),
                "bad request body: toxicity: expected a number between 0 and 1, got Infinity");
        assertThat(api.toxic("tcp", "{\"type\":\"packet_loss\",\"toxicity\":0,\"attributes\":{\"loss_rate\":1}}")
                .get("attributes").get("loss_rate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void httpStatusMustBeARealStatus() {
        for (String status : new String[] {"99", "600", "9223372036854775807"}) {
            assertBadRequest(api.call("POST", "/proxies/web/toxics", body("http_status", "status", status)),
                    "bad request body: attributes.status: expected an HTTP status 100..599, got " + status);
        }
        assertThat(api.toxic("web", body("http_status", "status", "599")).get("attributes").get("status").asInt())
                .isEqualTo(599);
    }

    private static void assertBadRequest(HttpResponse<String> response, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(JsonMapper.shared().readTree(response.body()).get("error").asString()).isEqualTo(error);
    }
}
