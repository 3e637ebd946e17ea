package io.relia.server.dashboard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's page, script and style: served with a strict CSP, and never turning data into markup. */
class DashboardTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HOSTILE = "<img src=x onerror=alert(1)>\"'&</script><script>alert(2)</script>";

    @TempDir
    Path data;

    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(data, setup -> setup);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesThePageAtTheRootWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = server.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains("default-src 'self'; "
                + "script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body()).contains("<script src=\"/dashboard/app.js\" defer></script>")
                .contains("href=\"/dashboard/app.css\"");
    }

    @Test
    void servesScriptAndStyleWithTheirTypesAndTheSameHeaders() throws Exception {
        HttpResponse<String> script = server.get("/dashboard/app.js");
        HttpResponse<String> style = server.get("/dashboard/app.css");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/javascript"));
        assertThat(style.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/css"));
        assertThat(script.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(style.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void thePageHoldsNoInlineScriptOrStyleTheCspWouldBlock() throws Exception {
        String page = resource("index.html");

        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=")
                .doesNotContain("<style").doesNotContainPattern("\\son[a-z]+=").doesNotContain("http://")
                .doesNotContain("https://");
    }

    @Test
    void theScriptBuildsElementsFromTextNeverFromHtmlStrings() throws Exception {
        String script = resource("app.js");

        assertThat(script).doesNotContain(".innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("new Function")
                .doesNotContain("setAttribute('style'").contains("textContent");
    }

    @Test
    void storesHostileTextAndReturnsItAsDataNotInThePage() throws Exception {
        String body = JSON.writeValueAsString(Map.of("title", HOSTILE, "summary", HOSTILE,
                "services", java.util.List.of(HOSTILE), "labels", Map.of(HOSTILE, HOSTILE)));
        assertThat(server.send("POST", "/api/v1/incidents", body, true).statusCode()).isEqualTo(201);

        JsonNode listed = JSON.readTree(server.get("/api/v1/incidents").body()).get("incidents").get(0);
        assertThat(listed.get("title").asString()).isEqualTo(HOSTILE);
        assertThat(listed.get("summary").asString()).isEqualTo(HOSTILE);
        assertThat(listed.get("services").get(0).asString()).isEqualTo(HOSTILE);
        assertThat(listed.get("labels").get(HOSTILE).asString()).isEqualTo(HOSTILE);
        assertThat(server.get("/").body()).doesNotContain("onerror");
    }

    @Test
    void declaringFromTheDashboardWithoutATokenIsRefusedWithAMessage() throws Exception {
        HttpResponse<String> refused = server.send("POST", "/api/v1/incidents", "{\"title\": \"x\"}", false);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("message").asString()).contains("bearer token");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Dashboard.class.getResourceAsStream("/io/relia/server/dashboard/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
