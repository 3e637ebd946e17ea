package io.relia.load.scenario;

import io.relia.core.InputException;
import io.relia.core.Problem;
import io.relia.load.scenario.RequestTemplate.Header;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScenariosTest {

    private static final LoadProfile PROFILE = new LoadProfile.Constant(100, Duration.ofSeconds(10));

    private static Scenario forUrl(String url, String method, List<Header> headers) {
        return Scenarios.forUrl(url, PROFILE, 10, Duration.ZERO, Duration.ofSeconds(5), List.of(), method, headers,
                "");
    }

    private static List<String> problems(String url, String method, List<Header> headers) {
        return catchThrowableOfType(InputException.class, () -> forUrl(url, method, headers)).problems().stream()
                .map(Problem::format).toList();
    }

    @Test
    void theUrlsOriginIsTheTargetAndItsPathAndQueryTheOneRequest() {
        Scenario scenario = forUrl("http://127.0.0.1:8080/products?page=2", "get", List.of());

        assertThat(scenario.name()).isEqualTo("http://127.0.0.1:8080/products?page=2");
        assertThat(scenario.target()).isEqualTo(new Target(false, "127.0.0.1", 8080, false));
        assertThat(scenario.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/products?page=2");
            assertThat(request.name()).isEqualTo("GET /products?page=2");
        });
    }

    @Test
    void aUrlWithoutPathLoadsTheRoot() {
        assertThat(forUrl("https://example.com", "GET", List.of()).requests().getFirst().path()).isEqualTo("/");
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        assertThat(problems("localhost:8080/x", "GET", List.of())).singleElement().asString()
                .startsWith("URL: error: \"localhost:8080/x\" is not an http or https URL with a host");
        assertThat(problems("http://h/a b", "GET", List.of())).singleElement().asString()
                .startsWith("URL: error: \"http://h/a b\" is not a URL");
    }

    @Test
    void reportsEveryBadFlagAtOnce() {
        assertThat(problems("http://h/", "GE T", List.of(new Header("Host", "x"), new Header("X", "a\nb"))))
                .containsExactly(
                        "--header: error: header Host is set by relia itself; expected other headers (hint: Host "
                                + "comes from the target, Content-Length from the body; connections are always kept "
                                + "alive)",
                        "--header: error: header X holds a line feed; expected a one-line value (hint: a line "
                                + "break would end the header (request smuggling))",
                        "--method: error: \"GE T\" is not an HTTP method; expected a method such as GET, POST, PUT or "
                                + "DELETE");
    }
}
