package io.relia.load.scenario;

import io.relia.load.scenario.RequestTemplate.Header;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestEncoderTest {

    private static final Target LOCAL = new Target(false, "127.0.0.1", 8080, false);
    private static final VariableTable USERS = new VariableTable(Path.of("users.csv"), List.of("user", "page"),
            List.of(List.of("alice", "1"), List.of("Zoë Ünal", "2 & 3")));

    private static Scenario scenario(Optional<VariableTable> variables, RequestTemplate... requests) {
        return new Scenario("test", LOCAL, List.of(requests), variables,
                new LoadProfile.Constant(10, Duration.ofSeconds(1)), 1, Duration.ZERO, Duration.ofSeconds(1),
                List.of());
    }

    private static RequestTemplate request(String method, String path, List<Header> headers, String body) {
        return new RequestTemplate(method + " " + path, method, path, headers, body, 1, null);
    }

    private static String encode(RequestEncoder encoder, int template, long sequence) {
        return new String(encoder.encode(template, sequence), StandardCharsets.UTF_8);
    }

    @Test
    void aGetIsARequestLineHostAndUserAgentWithoutABody() {
        RequestEncoder encoder = RequestEncoder.of(scenario(Optional.empty(), RequestTemplate.get("/health")),
                "relia/1.2.3");

        assertThat(encode(encoder, 0, 0)).isEqualTo("""
                GET /health HTTP/1.1\r
                Host: 127.0.0.1:8080\r
                User-Agent: relia/1.2.3\r
                \r
                """);
    }

    @Test
    void aRequestWithoutVariablesIsOneCachedArray() {
        RequestEncoder encoder = RequestEncoder.of(scenario(Optional.empty(), RequestTemplate.get("/")), "ua");

        assertThat(encoder.isFixed(0)).isTrue();
        assertThat(encoder.encode(0, 1)).isSameAs(encoder.encode(0, 2));
    }

    @Test
    void theDefaultUserAgentNamesReliasVersion() {
        RequestEncoder encoder = RequestEncoder.of(scenario(Optional.empty(), RequestTemplate.get("/")));

        assertThat(encode(encoder, 0, 0)).contains("\r\nUser-Agent: relia/" + io.relia.core.ReliaVersion.get()
                + "\r\n");
    }

    @Test
    void aPostCarriesHeadersInOrderAndContentLengthInUtf8Bytes() {
        RequestEncoder encoder = RequestEncoder.of(scenario(Optional.empty(), request("POST", "/orders",
                List.of(new Header("Content-Type", "application/json"), new Header("User-Agent", "mine")),
                "{\"sku\":\"Ä-1\"}")), "relia/x");

        assertThat(encode(encoder, 0, 0)).isEqualTo("""
                POST /orders HTTP/1.1\r
                Host: 127.0.0.1:8080\r
                Content-Type: application/json\r
                User-Agent: mine\r
                Content-Length: 14\r
                \r
                {"sku":"Ä-1"}""");
    }

    @Test
    void aPutWithoutBodySaysContentLengthZero() {
        RequestEncoder encoder = RequestEncoder.of(scenario(Optional.empty(), request("PUT", "/x", List.of(), "")),
                "ua");

        assertThat(encode(encoder, 0, 0)).endsWith("User-Agent: ua\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void theHostHeaderLeavesOutTheSchemesDefaultPort() {
        Scenario scenario = new Scenario("t", new Target(true, "example.com", 443, false),
                List.of(RequestTemplate.get("/")), Optional.empty(), new LoadProfile.Constant(1, Duration.ofSeconds(1)),
                1, Duration.ZERO, Duration.ofSeconds(1), List.of());

        assertThat(encode(RequestEncoder.of(scenario, "ua"), 0, 0)).contains("\r\nHost: example.com\r\n");
    }

    @Test
    void variablesTakeRowSequenceModuloRowsEncodedForTheirPlace() {
        RequestEncoder encoder = RequestEncoder.of(scenario(Optional.of(USERS), request("POST",
                "/users/${user}?page=${page}", List.of(new Header("X-User", "${user}")),
                "{\"user\":\"${user}\"}")), "ua");

        assertThat(encoder.isFixed(0)).isFalse();
        assertThat(encode(encoder, 0, 0)).isEqualTo("""
                POST /users/alice?page=1 HTTP/1.1\r
                Host: 127.0.0.1:8080\r
                X-User: alice\r
                User-Agent: ua\r
                Content-Length: 16\r
                \r
                {"user":"alice"}""");
        assertThat(encode(encoder, 0, 3)).isEqualTo("""
                POST /users/Zo%C3%AB%20%C3%9Cnal?page=2%20&%203 HTTP/1.1\r
                Host: 127.0.0.1:8080\r
                X-User: Zoë Ünal\r
                User-Agent: ua\r
                Content-Length: 21\r
                \r
                {"user":"Zoë Ünal"}""");
    }

    @Test
    void encodeToWritesTheSameBytesAsEncodeAndEncodedLengthCountsThem() {
        RequestEncoder encoder = RequestEncoder.of(scenario(Optional.of(USERS), request("POST", "/u/${user}",
                List.of(), "${page}")), "ua");
        ByteBuffer buffer = ByteBuffer.allocate(256);

        encoder.encodeTo(0, 1, buffer);

        assertThat(buffer.position()).isEqualTo(encoder.encodedLength(0, 1));
        assertThat(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8))
                .isEqualTo(encode(encoder, 0, 1));
    }

    @Test
    void refusesHeaderValuesThatWouldEndTheHeader() {
        assertThatThrownBy(() -> RequestEncoder.of(scenario(Optional.empty(), request("GET", "/",
                List.of(new Header("X-A", "a\r\nX-Injected: 1")), "")), "ua"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carriage return");
        VariableTable broken = new VariableTable(Path.of("v.csv"), List.of("v"), List.of(List.of("a\nb")));
        assertThatThrownBy(() -> RequestEncoder.of(scenario(Optional.of(broken), request("GET", "/",
                List.of(new Header("X-A", "${v}")), "")), "ua"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    }

    @Test
    void refusesHeadersTheClientSetsItself() {
        assertThatThrownBy(() -> RequestEncoder.of(scenario(Optional.empty(), request("GET", "/",
                List.of(new Header("Content-Length", "5")), "")), "ua"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
