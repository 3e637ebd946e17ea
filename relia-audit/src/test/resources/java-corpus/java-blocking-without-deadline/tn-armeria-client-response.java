package corpus.blocking.armeria;

import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;

import java.util.concurrent.CompletableFuture;

// Armeria's clients fail a response after their response timeout (15 s unless configured), so waiting on a
// future made from a response ends: directly, or through a helper of the class that reshapes the response.
final class SearchClient {
    private final WebClient http;

    SearchClient(WebClient http) {
        this.http = http;
    }

    String health() {
        return http.get("/_cluster/health").aggregate().join().contentUtf8();
    }

    String search(HttpRequest request) {
        return send(request).join().contentUtf8();
    }

    CompletableFuture<AggregatedHttpResponse> send(HttpRequest request) {
        HttpResponse response = http.execute(request);
        return response.aggregate().exceptionally(failure -> null);
    }
}
