package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.relia.chaos.ChaosProxy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Status codes, bodies and error texts of the admin API, pinned over raw HTTP against Toxiproxy's api.go. */
@Tag("integration")
class AdminApiHttpTest extends ProxyTestSupport {
    @Override
    boolean metrics() {
        return true;
    }



    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    private String proxyBody(String name) {
        return "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}";
    }

    @Test
    void createAnswers201WithTheProxyAndAnEmptyToxicList() {
        HttpResponse<String> response = api.call("POST", "/proxies", proxyBody("web"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Toxiproxy-Request-Id")).isPresent();
        JsonNode proxy = json(response);
        assertThat(proxy.get("enabled").asBoolean()).isTrue();
        assertThat(proxy.get("toxics").isArray()).isTrue();
        assertThat(proxy.get("toxics").size()).isZero();
    }

    @Test
    void errorsUseToxiproxysShapeTextAndStatus() {
        api.call("POST", "/proxies", proxyBody("web"));

        assertError(api.call("POST", "/proxies", proxyBody("web")), 409, "proxy already exists");
        assertError(api.call("POST", "/proxies", "{\"upstream\":\"127.0.0.1:1\"}"), 400, "missing required field: name");
        assertError(api.call("POST", "/proxies", "{\"name\":\"x\"}"), 400, "missing required field: upstream");
        assertError(api.call("GET", "/proxies/none", null), 404, "proxy not found");
        assertError(api.call("GET", "/proxies/web/toxics/none", null), 404, "toxic not found");
        assertError(api.call("DELETE", "/proxies/web/toxics/none", null), 404, "toxic not found");
        assertError(api.call("POST", "/proxies/web/toxics", "{\"type\":\"latency\",\"stream\":\"\"}"), 400,
                "stream was invalid, can be either upstream or downstream");
        assertError(api.call("POST", "/proxies/web/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}"), 400,
                "stream was invalid, can be either upstream or downstream");
        assertError(api.call("POST", "/proxies/web/toxics", "{\"attributes\":{}}"), 400, "invalid toxic type");
        assertError(api.call("POST", "/proxies/web/toxics", "{\"type\":\"lag\"}"), 400, "invalid toxic type");
    }

    private static void assertError(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"error\":\"" + text + "\",\"status\":" + status + "}\n");
    }

    @Test
    void badJsonIs400WithTheErrorShape() {
        HttpResponse<String> response = api.call("POST", "/proxies", "{\"name\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).startsWith("bad request body: ");
        assertThat(json(response).get("status").asInt()).isEqualTo(400);
        assertThat(api.call("POST", "/proxies", "").body()).contains("bad request body: EOF");
        assertThat(api.call("POST", "/proxies", "{\"name\":5,\"upstream\":\"a:1\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void proxyIndexIsAnObjectKeyedByName() {
        api.call("POST", "/proxies", proxyBody("b"));
        api.call("POST", "/proxies", proxyBody("a"));

        JsonNode index = json(api.call("GET", "/proxies", null));

        assertThat(index.isObject()).isTrue();
        assertThat(index.propertyNames()).containsExactly("a", "b");
        assertThat(index.get("a").get("name").asString()).isEqualTo("a");
    }

    @Test
    void toxicDefaultsAreToxiproxys() {
        api.call("POST", "/proxies", proxyBody("web"));

        HttpResponse<String> created = api.call("POST", "/proxies/web/toxics", "{\"type\":\"latency\"}");

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode toxic = json(created);
        assertThat(toxic.get("name").asString()).isEqualTo("latency_downstream");
        assertThat(toxic.get("stream").asString()).isEqualTo("downstream");
        assertThat(toxic.get("toxicity").asDouble()).isEqualTo(1.0);
        assertThat(toxic.get("attributes").get("latency").asLong()).isZero();
        assertThat(toxic.get("attributes").get("jitter").asLong()).isZero();
        assertThat(api.call("POST", "/proxies/web/toxics", "{\"type\":\"latency\",\"stream\":\"UPSTREAM\"}")
                .statusCode()).isEqualTo(200);
        assertThat(json(api.call("GET", "/proxies/web/toxics", null)).size()).isEqualTo(2);
    }

    @Test
    void toxicUpdatesMergeAttributesAndKeepTheRest() {
        api.call("POST", "/proxies", proxyBody("web"));
        api.call("POST", "/proxies/web/toxics",
                "{\"name\":\"l\",\"type\":\"latency\",\"toxicity\":0.5,\"attributes\":{\"latency\":100,\"jitter\":5}}");

        JsonNode patched = json(api.call("PATCH", "/proxies/web/toxics/l", "{\"attributes\":{\"jitter\":9}}"));
        JsonNode posted = json(api.call("POST", "/proxies/web/toxics/l", "{\"toxicity\":0.25}"));

        assertThat(patched.get("attributes").get("latency").asLong()).isEqualTo(100);
        assertThat(patched.get("attributes").get("jitter").asLong()).isEqualTo(9);
        assertThat(patched.get("toxicity").asDouble()).isEqualTo(0.5);
        assertThat(posted.get("toxicity").asDouble()).isEqualTo(0.25);
        assertThat(posted.get("attributes").get("jitter").asLong()).isEqualTo(9);
    }

    @Test
    void deletesAndResetAnswer204() {
        api.call("POST", "/proxies", proxyBody("web"));
        api.call("POST", "/proxies/web/toxics", "{\"type\":\"latency\"}");
        api.call("PATCH", "/proxies/web", "{\"enabled\":false}");

        HttpResponse<String> reset = api.call("POST", "/reset", null);

        assertThat(reset.statusCode()).isEqualTo(204);
        assertThat(reset.body()).isEmpty();
        JsonNode proxy = json(api.call("GET", "/proxies/web", null));
        assertThat(proxy.get("enabled").asBoolean()).isTrue();
        assertThat(proxy.get("toxics").size()).isZero();
        assertThat(api.call("DELETE", "/proxies/web", null).statusCode()).isEqualTo(204);
        assertThat(api.call("GET", "/proxies/web", null).statusCode()).isEqualTo(404);
    }

    @Test
    void populateCreatesKeepsAndReportsProxies() {
        api.call("POST", "/proxies", proxyBody("keep"));
        String keptListen = json(api.call("GET", "/proxies/keep", null)).get("listen").asString();
        api.call("POST", "/proxies/keep/toxics", "{\"type\":\"latency\"}");
        String body = "[{\"name\":\"keep\",\"listen\":\"" + keptListen + "\",\"upstream\":\"" + echo.address() + "\"},"
                + "{\"name\":\"new\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + echo.address() + "\"}]";

        HttpResponse<String> response = api.call("POST", "/populate", body);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("proxies").size()).isEqualTo(2);
        assertThat(json(api.call("GET", "/proxies/keep/toxics", null)).size()).isEqualTo(1);
    }

    @Test
    void populateChecksEveryEntryBeforeCreatingAny() {
        String body = "[{\"name\":\"ok\",\"upstream\":\"" + echo.address() + "\"},{\"upstream\":\"127.0.0.1:1\"}]";

        assertError(api.call("POST", "/populate", body), 400, "missing required field: name at proxy 2");
        assertThat(json(api.call("GET", "/proxies", null)).size()).isZero();
    }

    @Test
    void listenAddressInUseIs500WithTheBindError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String listen = "127.0.0.1:" + taken.getLocalPort();
            HttpResponse<String> response = api.call("POST", "/proxies",
                    "{\"name\":\"x\",\"listen\":\"" + listen + "\",\"upstream\":\"" + echo.address() + "\"}");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(json(response).get("error").asString())
                    .isEqualTo("listen tcp " + listen + ": bind: address already in use");
        }
    }

    @Test
    void browsersAreRefused() {
        HttpResponse<String> response = api.call("GET", "/proxies", null, "Mozilla/5.0 (X11; Linux x86_64)");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("User agent not allowed\n");
    }

    @Test
    void versionUnknownRoutesAndWrongMethods() {
        HttpResponse<String> version = api.call("GET", "/version", null);
        assertThat(version.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(json(version).get("version").asString()).isEqualTo("2.12.0");
        assertThat(api.call("GET", "/nothing", null).statusCode()).isEqualTo(404);
        assertThat(api.call("DELETE", "/version", null).statusCode()).isEqualTo(405);
        assertThat(api.call("PUT", "/proxies", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void disabledAtCreateDoesNotListen() {
        HttpResponse<String> response = api.call("POST", "/proxies", "{\"name\":\"off\",\"listen\":\"127.0.0.1:0\","
                + "\"upstream\":\"" + echo.address() + "\",\"enabled\":false}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(json(response).get("enabled").asBoolean()).isFalse();
        assertThat(json(response).get("listen").asString()).isEqualTo("127.0.0.1:0");
    }

    @Test
    void oversizedBodiesAre413() {
        HttpResponse<String> response = api.call("POST", "/proxies", "x".repeat(AdminServer.MAX_BODY_BYTES + 1));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void metricsCountBytesWithToxiproxysNamesAndConnectionsAndActivations() throws IOException {
        String listen = api.proxy("web", echo.address());
        api.toxic("web", "{\"type\":\"latency\",\"attributes\":{\"latency\":1}}");
        assertThat(Wire.roundTrip(listen, "12345")).isEqualTo("12345");

        String metrics = api.call("GET", "/metrics", null).body();

        assertThat(metrics).contains("toxiproxy_proxy_received_bytes_total{direction=\"upstream\",listener=\""
                + listen + "\",proxy=\"web\",upstream=\"" + echo.address() + "\"} 5.0");
        assertThat(metrics).contains("toxiproxy_proxy_sent_bytes_total{direction=\"downstream\"");
        assertThat(metrics).contains("relia_chaos_proxy_connections_total{proxy=\"web\"} 1.0");
        assertThat(metrics).contains("relia_chaos_toxic_activations_total{proxy=\"web\",stream=\"downstream\","
                + "toxic=\"latency_downstream\",type=\"latency\"} 1.0");
    }

    @Test
    void metricsAreAbsentUnlessAskedFor() throws IOException {
        try (ChaosProxy plain = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), false))) {
            assertThat(new Api(plain.adminUri()).call("GET", "/metrics", null).statusCode()).isEqualTo(404);
        }
    }
}
