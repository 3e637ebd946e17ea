package io.relia.server;

import io.relia.incident.IncidentQuery;
import io.relia.incident.TimelineEntry;
import io.relia.incident.TokenScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are JSON, exactly: declared as application/json, one value, each key once; the method on the
 * request line is the only method; and a malformed body is explained without the parser's insides.
 */
class StrictJsonTest {

    @TempDir
    Path data;

    private ServedStore served;
    private String alice;

    @BeforeEach
    void start() throws Exception {
        served = new ServedStore(data);
        alice = served.token("alice", TokenScope.WRITE);
        served.call("POST", "/api/v1/incidents", "{\"title\": \"Checkout 502s\"}", alice);
    }

    @AfterEach
    void stop() {
        served.close();
    }

    private RawHttp.Answer post(String path, String contentType, String body) throws Exception {
        return RawHttp.send(served.port(), "POST " + path, "localhost", "Authorization: Bearer " + alice + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n"), body);
    }

    @Test
    void aDuplicateKeyIsRefusedNamingItInsteadOfTheLastOneWinning() throws Exception {
        RawHttp.Answer top = post("/api/v1/incidents", "application/json",
                "{\"title\": \"harmless\", \"title\": \"rm -rf\"}");
        RawHttp.Answer nested = post("/api/v1/incidents", "application/json",
                "{\"title\": \"x\",\n \"labels\": {\"team\": \"a\", \"team\": \"b\"}}");

        assertThat(top.problem()).isEqualTo("400 duplicate key \"title\" at /title (line 1, column 30): a key may "
                + "appear once in an object");
        assertThat(nested.problem()).startsWith("400 duplicate key \"team\" at /labels/team (line 2,");
        assertThat(served.store.list(IncidentQuery.ALL)).hasSize(1);
    }

    @Test
    void bodiesMustBeDeclaredAsJson() throws Exception {
        String body = "{\"title\": \"x\"}";

        assertThat(post("/api/v1/incidents", null, body).problem())
                .isEqualTo("415 the body must be JSON: send Content-Type: application/json");
        assertThat(post("/api/v1/incidents", "text/plain", body).problem())
                .isEqualTo("415 the body must be JSON: send Content-Type: application/json (this request sent "
                        + "text/plain)");
        assertThat(post("/api/v1/incidents", "application/x-www-form-urlencoded", body).status()).isEqualTo(415);
        assertThat(post("/api/v1/incidents", "application/json; charset=iso-8859-1", body).problem())
                .isEqualTo("415 JSON bodies are UTF-8: charset=iso-8859-1 is not accepted");
        assertThat(post("/api/v1/incidents", "Application/JSON; charset=\"UTF-8\"", body).status()).isEqualTo(201);
        assertThat(post("/api/v1/incidents/1/ack", null, null).status()).isEqualTo(200);
    }

    @Test
    void aGetWithAMethodOverrideHeaderNeverWrites() throws Exception {
        for (String header : new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
            RawHttp.Answer answer = RawHttp.send(served.port(), "GET /api/v1/incidents/1/notes", "localhost",
                    header + ": POST\r\nAuthorization: Bearer " + alice + "\r\nContent-Type: application/json\r\n",
                    "{\"text\": \"written by a GET\"}");

            assertThat(answer.status()).as(header).isEqualTo(405);
        }
        RawHttp.Answer acked = RawHttp.send(served.port(), "GET /api/v1/incidents/1/ack?_method=POST", "localhost",
                "Authorization: Bearer " + alice + "\r\n", null);

        assertThat(acked.status()).isEqualTo(405);
        assertThat(served.store.timeline(1)).noneMatch(entry -> entry.kind() == TimelineEntry.Kind.NOTE);
        assertThat(served.store.get(1).times().acknowledged()).isNull();
    }

    @Test
    void aPostWithAnOverrideHeaderStaysAPost() throws Exception {
        RawHttp.Answer note = RawHttp.send(served.port(), "POST /api/v1/incidents/1/notes", "localhost",
                "X-HTTP-Method-Override: DELETE\r\nAuthorization: Bearer " + alice
                        + "\r\nContent-Type: application/json\r\n", "{\"text\": \"still a note\"}");

        assertThat(note.status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "{\"title\": \"x\",}", "{\"title\": tru}", "{\"title\": \"x\"", "{\"a\":",
        "{\"title\": \"x\"} {}", "{\"title\": \"x\"} trailing", "[1, 2", "{\"a\": 1e}", "{\"a\": \"\\q\"}",
        "{\"a\": 01}", "{'a': 1}", "{\"a\": \"\u0001\"}", "\u00ff\u00fe{}", "{\"a\": [}", "nul"})
    void aMalformedBodyIsExplainedWithoutTheParsersInsides(String body) throws Exception {
        RawHttp.Answer answer = post("/api/v1/incidents", "application/json", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asString())
                .containsPattern("\\(line \\d+, column \\d+\\)")
                .doesNotContain("Source").doesNotContain("jackson").doesNotContain("JsonToken")
                .doesNotContain("java.").doesNotContain("`").doesNotContain("code ").doesNotContain("Exception");
    }
}
