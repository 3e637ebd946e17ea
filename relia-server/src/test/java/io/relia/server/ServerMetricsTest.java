package io.relia.server;

import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentStore;
import io.relia.incident.store.IncidentStores;
import io.relia.incident.store.StoreLocation;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Request metrics stay a bounded set of series whatever methods and paths clients send. */
class ServerMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern SERIES = Pattern.compile(
            "^relia_http_request_duration_seconds_count\\{method=\"([^\"]*)\",route=\"([^\"]*)\",status=\"(\\d+)\"}",
            Pattern.MULTILINE);

    @TempDir
    Path data;

    private IncidentStore store;
    private ReliaServer server;
    private HttpClient http;

    @BeforeEach
    void start() {
        store = IncidentStores.open(new StoreLocation.Sqlite(data));
        server = ReliaServer.start(store, IncidentPolicy.DEFAULT, ReliaServer.Options.loopback(0));
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
        http.close();
    }

    private int send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(TIMEOUT).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String metrics() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void labelsAnUnknownMethodOtherSo3000JunkRequestsAddOneSeries() throws Exception {
        for (int n = 0; n < 3_000; n++) {
            send("JUNK" + n, n % 2 == 0 ? "/api/v1/incidents" : "/no/such/path/" + n);
        }

        Set<String> methods = new TreeSet<>();
        Set<String> routes = new TreeSet<>();
        int series = 0;
        Matcher matcher = SERIES.matcher(metrics());
        while (matcher.find()) {
            methods.add(matcher.group(1));
            routes.add(matcher.group(2));
            series++;
        }
        assertThat(methods).containsExactly("other");
        assertThat(routes).allSatisfy(route -> assertThat(route).doesNotContain("/no/such/path/"));
        assertThat(series).isLessThanOrEqualTo(4);
    }

    @Test
    void labelsRoutesByTheirTemplateNotTheirPath() throws Exception {
        for (int id = 1; id <= 30; id++) {
            send("GET", "/api/v1/incidents/" + id);
        }

        Set<String> routes = new TreeSet<>();
        Matcher matcher = SERIES.matcher(metrics());
        while (matcher.find()) {
            routes.add(matcher.group(2));
        }
        assertThat(routes).containsExactly("/api/v1/incidents/{id}");
    }

    @Test
    void keepsTheNameOfEveryStandardMethod() {
        assertThat(ServerMetrics.methodLabel(HandlerType.PATCH)).isEqualTo("PATCH");
        assertThat(ServerMetrics.methodLabel(HandlerType.findOrCreate("GET"))).isEqualTo("GET");
        assertThat(ServerMetrics.methodLabel(HandlerType.findOrCreate("PROPFIND"))).isEqualTo("other");
    }
}
