package io.relia.server;

import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentStore;
import io.relia.incident.TokenScope;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every request meets before the API: the Host allow-list (DNS rebinding), the headers of every answer, and
 * errors in the API's JSON shape whoever raises them (the API, Javalin, Jetty).
 */
class ServerSurfaceTest {

    @TempDir
    Path data;

    private ServedStore served;

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void aRebindingPageCannotReadIncidentsFromALoopbackServer() throws Exception {
        served = new ServedStore(data);
        String alice = served.token("alice", TokenScope.WRITE);
        served.call("POST", "/api/v1/incidents", "{\"title\": \"Payroll database leaked\"}", alice);

        // The page at http://evil.example:PORT/ whose name now resolves to 127.0.0.1 sends its own name as Host.
        RawHttp.Answer rebound = RawHttp.send(served.port(), "GET /api/v1/incidents", "evil.example:" + served.port(),
                "", null);
        RawHttp.Answer dashboard = RawHttp.send(served.port(), "GET /", "evil.example:" + served.port(), "", null);

        assertThat(rebound.status()).isEqualTo(421);
        assertThat(rebound.body()).doesNotContain("Payroll");
        assertThat(rebound.json().get("message").asString()).startsWith("this server does not answer to the name "
                + "in the Host header (\"evil.example:" + served.port() + "\"); it answers to localhost, 127.0.0.1, "
                + "[::1]");
        assertThat(dashboard.status()).isEqualTo(421);
        assertThat(RawHttp.send(served.port(), "GET /api/v1/incidents", "127.0.0.1:" + served.port(), "", null)
                .status()).isEqualTo(200);
        assertThat(RawHttp.send(served.port(), "GET /api/v1/incidents", "[::1]:" + served.port(), "", null)
                .status()).isEqualTo(200);
    }

    @Test
    void configuredNamesAndThePublicUrlAreServed() throws Exception {
        served = new ServedStore(data, ReliaServer.Options.loopback(0).withAllowedHosts(List.of("relia.internal")),
                Clock.systemUTC());

        assertThat(RawHttp.send(served.port(), "GET /health", "relia.internal:8080", "", null).status())
                .isEqualTo(200);
        assertThat(RawHttp.send(served.port(), "GET /health", "evil.example", "", null).status()).isEqualTo(421);
    }

    @Test
    void everyApiAnswerSaysNosniffNoStoreAndUtf8() throws Exception {
        served = new ServedStore(data);
        String alice = served.token("alice", TokenScope.WRITE);

        List<RawHttp.Answer> answers = List.of(
                served.call("GET", "/api/v1/incidents", null, null),
                served.call("POST", "/api/v1/incidents", "{\"title\": \"x\"}", alice),
                served.call("GET", "/api/v1/incidents/1", null, null),
                served.call("GET", "/api/v1/incidents/99", null, null),
                served.call("POST", "/api/v1/incidents", "{\"title\": \"x\"}", null),
                served.call("GET", "/health", null, null),
                served.call("GET", "/openapi.json", null, null),
                served.call("GET", "/no/such/thing", null, null));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(answer.header("Cache-Control")).contains("no-store");
            assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type.replace(" ", ""))
                    .isEqualTo("application/json;charset=utf-8"));
        });
    }

    @Test
    void theDashboardKeepsItsOwnRevalidatingCachePolicy() throws Exception {
        served = new ServedStore(data);

        RawHttp.Answer page = served.call("GET", "/", null, null);

        assertThat(page.header("Cache-Control")).contains("no-cache");
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type.replace(" ", ""))
                .isEqualTo("text/html;charset=utf-8"));
    }

    @Test
    void errorsJavalinRaisesAreTheApisJson() throws Exception {
        served = new ServedStore(data);
        String alice = served.token("alice", TokenScope.WRITE);
        String huge = "{\"title\": \"" + "x".repeat((int) ReliaServer.DEFAULT_MAX_BODY) + "\"}";

        assertThat(served.call("GET", "/no/such/thing", null, null).problem())
                .isEqualTo("404 no such endpoint: GET /no/such/thing");
        assertThat(served.call("DELETE", "/api/v1/incidents", null, alice).problem())
                .isEqualTo("405 method DELETE is not allowed on /api/v1/incidents");
        assertThat(served.call("POST", "/api/v1/incidents", huge, alice).problem())
                .isEqualTo("413 the request body is larger than 1048576 bytes");
    }

    @Test
    void aBugAnswersTheApisJsonWithoutItsDetails() throws Exception {
        try (IncidentStore real = IncidentStores.open(new StoreLocation.Sqlite(data));
             ReliaServer server = ReliaServer.start(failingLists(real), IncidentPolicy.DEFAULT,
                     ReliaServer.Options.loopback(0))) {
            RawHttp.Answer answer = RawHttp.send(server.port(), "GET /api/v1/incidents", "localhost", "", null);

            assertThat(answer.problem()).isEqualTo("500 internal error");
            assertThat(answer.body()).doesNotContain("IllegalStateException").doesNotContain("secret detail");
            assertThat(answer.header("Cache-Control")).contains("no-store");
        }
    }

    /** {@code store} whose {@code list} fails as a bug would. */
    private static IncidentStore failingLists(IncidentStore store) {
        return (IncidentStore) Proxy.newProxyInstance(IncidentStore.class.getClassLoader(),
                new Class<?>[] {IncidentStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        throw new IllegalStateException("secret detail");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException failed) {
                        throw failed.getCause();
                    }
                });
    }

    @Test
    void requestsJettyRefusesBeforeRoutingAreAnsweredInJsonToo() throws Exception {
        served = new ServedStore(data);
        int port = served.port();

        List<RawHttp.Answer> refused = List.of(
                RawHttp.send(port, "GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                RawHttp.send(port, "GET /api/v1/..;/incidents HTTP/1.1\r\nHost: localhost\r\n"
                        + "Connection: close\r\n\r\n"),
                RawHttp.send(port, "GET /api/v1/incidents HTTP/1.1\r\nConnection: close\r\n\r\n"),
                RawHttp.send(port, "GET /api/v1/incidents HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"),
                RawHttp.send(port, "GET /api/v1/incidents HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n"));

        assertThat(refused).extracting(RawHttp.Answer::status).containsExactly(400, 400, 400, 400, 431);
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.body()).doesNotContain("<html").doesNotContain("Exception").doesNotContain("jetty");
            assertThat(answer.json().get("error").asInt()).isEqualTo(answer.status());
            assertThat(answer.json().get("message").asString()).isNotBlank();
            assertThat(answer.header("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type.replace(" ", "")).isEqualTo("application/json;charset=utf-8"));
            assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        });
        assertThat(refused.get(2).json().get("message").asString()).isEqualTo("bad request: No Host");
    }
}
