package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No byte is lost at the end of a stream: whatever a toxic holds or paces when one side closes or half-closes is
 * written before the end is passed on, as TCP delivers a FIN after the data before it. 2 MB payloads over real
 * sockets, each toxic that holds data, both directions; parameters keep each case to a few seconds.
 */
@Tag("integration")
class ByteDeliveryTest extends ProxyTestSupport {
    private static final int PAYLOAD_BYTES = 2_000_000;
    private static final byte[] PAYLOAD = new byte[PAYLOAD_BYTES];

    static {
        new Random(28).nextBytes(PAYLOAD);
    }

    /** Toxics that hold or pace data (and a chain of them), as {@code type} and {@code attributes} JSON. */
    static Stream<Arguments> holdingToxics() {
        return Stream.of(
                Arguments.of("latency", "{\"latency\":200}"),
                Arguments.of("latency", "{\"latency\":60,\"jitter\":50}"),
                Arguments.of("bandwidth", "{\"rate\":20000}"),
                Arguments.of("slicer", "{\"average_size\":2048,\"size_variation\":1024,\"delay\":20}"),
                Arguments.of("slow_close", "{\"delay\":200}"),
                Arguments.of("limit_data", "{\"bytes\":" + (PAYLOAD_BYTES + 1) + "}"),
                Arguments.of("noop", "{}"),
                Arguments.of("chain", ""));
    }

    /** Adds the toxic (or the chain: latency, bandwidth, slicer in series) on one stream. */
    private void addToxic(String proxy, String type, String attributes, String stream) {
        if (type.equals("chain")) {
            addToxic(proxy, "latency", "{\"latency\":100}", stream);
            addToxic(proxy, "bandwidth", "{\"rate\":40000}", stream);
            addToxic(proxy, "slicer", "{\"average_size\":4096,\"delay\":10}", stream);
            return;
        }
        api.toxic(proxy, "{\"name\":\"" + type + "_" + stream + "\",\"type\":\"" + type + "\",\"stream\":\""
                + stream + "\",\"attributes\":" + attributes + "}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("holdingToxics")
    void upstreamThatSendsAndClosesReachesTheClientWholeBeforeEof(String type, String attributes)
            throws IOException {
        try (PayloadServer upstream = new PayloadServer(PayloadServer.Mode.SEND_AND_CLOSE, PAYLOAD)) {
            String listen = api.proxy("down", upstream.address());
            addToxic("down", type, attributes, "downstream");

            try (Socket client = Wire.connect(listen)) {
                byte[] received = Wire.readToEnd(client, PAYLOAD_BYTES + 1);

                assertSameBytes(received, PAYLOAD);
                assertThat(Wire.readsEndOfStream(client)).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("holdingToxics")
    void halfClosedRequestReachesTheServerWholeAndItsAnswerComesBack(String type, String attributes)
            throws IOException {
        try (PayloadServer upstream = new PayloadServer(PayloadServer.Mode.ECHO_AFTER_EOF, PAYLOAD)) {
            String listen = api.proxy("both", upstream.address());
            addToxic("both", type, attributes, "upstream");
            addToxic("both", type, attributes, "downstream");

            try (Socket client = Wire.connect(listen)) {
                client.getOutputStream().write(PAYLOAD);
                client.getOutputStream().flush();
                client.shutdownOutput();
                byte[] received = Wire.readToEnd(client, PAYLOAD_BYTES + 1);

                assertSameBytes(received, PAYLOAD);
            }
        }
    }

    @Test
    void closeDelimitedHttp10ResponseIsReadCompletelyBehindLatency() throws IOException {
        try (PayloadServer upstream = new PayloadServer(PayloadServer.Mode.HTTP_10, PAYLOAD)) {
            String listen = api.proxy("http10", upstream.address());
            addToxic("http10", "latency", "{\"latency\":200}", "downstream");

            assertHttp10Body(getBig(listen, false));
        }
    }

    @Test
    void httpModeProxyRelaysACloseDelimitedBodyWholeBehindHttpLatency() throws IOException {
        try (PayloadServer upstream = new PayloadServer(PayloadServer.Mode.HTTP_10, PAYLOAD)) {
            assertHttp10Body(getBig(httpProxyWithLatency(upstream), false));
        }
    }

    @Test
    void httpModeProxyPassesAHalfCloseOnOnlyAfterTheHeldRequest() throws IOException {
        try (PayloadServer upstream = new PayloadServer(PayloadServer.Mode.HTTP_10, PAYLOAD)) {
            assertHttp10Body(getBig(httpProxyWithLatency(upstream), true));
        }
    }

    /** An http proxy in front of {@code upstream} holding each request 200 ms; returns its listen address. */
    private String httpProxyWithLatency(PayloadServer upstream) {
        String listen = api.json("POST", "/proxies", "{\"name\":\"web\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
                + upstream.address() + "\",\"mode\":\"http\"}").get("listen").asString();
        api.toxic("web", "{\"type\":\"http_latency\",\"attributes\":{\"latency\":200}}");
        return listen;
    }

    /** Sends an HTTP/1.0 GET, half-closing after it if asked, and reads the response to its end. */
    private static byte[] getBig(String listen, boolean halfClose) throws IOException {
        try (Socket client = Wire.connect(listen)) {
            Wire.send(client, "GET /big HTTP/1.0\r\nHost: test\r\n\r\n");
            if (halfClose) {
                client.shutdownOutput();
            }
            return Wire.readToEnd(client, PAYLOAD_BYTES + 1024);
        }
    }

    /** The response is a 200 whose body, up to the close, is exactly the payload. */
    private static void assertHttp10Body(byte[] response) {
        int bodyStart = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII)) + 4;
        assertThat(bodyStart).as("end of the response head").isGreaterThan(4);
        assertThat(new String(response, 0, bodyStart, StandardCharsets.US_ASCII)).contains(" 200 OK");
        assertSameBytes(Arrays.copyOfRange(response, bodyStart, response.length), PAYLOAD);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Compares length, then a SHA-256 of the content (a 2 MB array diff would drown the report). */
    private static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(actual.length).as("bytes delivered before the end of the stream").isEqualTo(expected.length);
        assertThat(sha256(actual)).as("SHA-256 of what was delivered").isEqualTo(sha256(expected));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
