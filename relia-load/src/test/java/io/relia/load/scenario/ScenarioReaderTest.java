package io.relia.load.scenario;

import io.relia.core.InputException;
import io.relia.core.Problem;
import io.relia.core.spec.SpecLoader;
import io.relia.core.spec.SpecSchema;
import io.relia.load.scenario.RequestTemplate.Header;
import io.relia.load.threshold.Threshold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioReaderTest {

    static final Path EXAMPLE = Path.of("../examples/checkout-service/reliability/load/browse.yaml");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Scenario read(String yaml) throws IOException {
        ScenarioReader.Result result = ScenarioReader.load(write("s.yaml", yaml));
        assertThat(result.problems()).isEmpty();
        return result.scenario().orElseThrow();
    }

    /** Problems of a scenario, formatted, with the temp folder left out of file names. */
    private List<String> problems(String yaml) throws IOException {
        ScenarioReader.Result result = ScenarioReader.load(write("s.yaml", yaml));
        return result.problems().stream().map(Problem::format).map(line -> line.replace(dir + "/", "")).toList();
    }

    private static String minimal(String load, String requests) {
        return "target: http://127.0.0.1:8080\nload: " + load + "\nrequests:\n" + requests;
    }

    @Test
    void theBundledExampleValidatesAgainstThePublishedSchema() {
        var loaded = SpecLoader.load(EXAMPLE);
        assertThat(loaded.problems()).isEmpty();

        assertThat(SpecSchema.named("load-scenario").validate(loaded.file().orElseThrow().documents().getFirst()
                .root())).isEmpty();
    }

    @Test
    void theBundledExampleReadsWithItsCsvAndMix() {
        ScenarioReader.Result result = ScenarioReader.load(EXAMPLE);
        assertThat(result.problems()).isEmpty();
        Scenario scenario = result.orThrow();

        assertThat(scenario.name()).isEqualTo("checkout-browse");
        assertThat(scenario.target()).isEqualTo(new Target(false, "127.0.0.1", 8080, false));
        assertThat(scenario.profile()).isEqualTo(new LoadProfile.Constant(200, Duration.ofSeconds(60)));
        assertThat(scenario.connections()).isEqualTo(50);
        assertThat(scenario.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(scenario.requests()).extracting(RequestTemplate::name, RequestTemplate::weight)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("health", 8.0),
                        org.assertj.core.groups.Tuple.tuple("checkout", 2.0));
        assertThat(scenario.variables().orElseThrow().columns()).containsExactly("order", "amount_cents");
        assertThat(scenario.thresholds()).extracting(Threshold::source).containsExactly("p99<300ms", "errors<0.5%");
        assertThat(new String(RequestEncoder.of(scenario, "ua").encode(1, 0), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith("{\"order\":\"load-0001\",\"amount_cents\":1299}");
    }

    @Test
    void appliesDefaultsForEverythingButTargetLoadAndRequests() throws IOException {
        Scenario scenario = read(minimal("{rate: 10, duration: 1m}", "  - path: /"));

        assertThat(scenario.name()).isEqualTo("s");
        assertThat(scenario.connections()).isEqualTo(ScenarioReader.DEFAULT_CONNECTIONS);
        assertThat(scenario.warmup()).isZero();
        assertThat(scenario.timeout()).isEqualTo(ScenarioReader.DEFAULT_TIMEOUT);
        assertThat(scenario.thresholds()).isEmpty();
        assertThat(scenario.variables()).isEmpty();
        assertThat(scenario.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.name()).isEqualTo("GET /");
            assertThat(request.weight()).isEqualTo(1);
            assertThat(request.body()).isEmpty();
            assertThat(request.location().toString()).endsWith("s.yaml:4:5");
        });
    }

    @Test
    void readsARampingProfileWithStagesAndAStartRate() throws IOException {
        Scenario scenario = read(minimal("{start_rate: 5, stages: [{target: 100, duration: 30s}, "
                + "{target: 500, duration: 2m}]}", "  - path: /"));

        assertThat(scenario.profile()).isEqualTo(new LoadProfile.Ramping(5, List.of(
                new LoadProfile.Stage(100, Duration.ofSeconds(30)), new LoadProfile.Stage(500, Duration.ofMinutes(2)))));
    }

    @Test
    void readsAClosedProfile() throws IOException {
        Scenario scenario = read(minimal("{closed: {duration: 30s, think_time: 100ms}}", "  - path: /"));

        assertThat(scenario.profile()).isEqualTo(new LoadProfile.Closed(Duration.ofSeconds(30),
                Duration.ofMillis(100)));
    }

    @Test
    void readsJsonToo() throws IOException {
        ScenarioReader.Result result = ScenarioReader.load(write("s.json", """
                {"target": "https://example.com", "insecure": true, "load": {"rate": 1, "duration": "1s"},
                 "requests": [{"path": "/"}], "thresholds": "p99<1s, errors<1%"}
                """));

        Scenario scenario = result.orThrow();
        assertThat(scenario.target()).isEqualTo(new Target(true, "example.com", 443, true));
        assertThat(scenario.thresholds()).hasSize(2);
    }

    @Test
    void reducesAnAbsoluteUrlOnTheTargetToItsPathAndQuery() throws IOException {
        Scenario scenario = read(minimal("{rate: 1, duration: 1s}", "  - path: http://127.0.0.1:8080/a?b=1"));

        assertThat(scenario.requests().getFirst().path()).isEqualTo("/a?b=1");
    }

    @Test
    void upperCasesMethodsAndKeepsHeadersInOrder() throws IOException {
        Scenario scenario = read(minimal("{rate: 1, duration: 1s}", """
                  - method: post
                    path: /o
                    headers: {X-B: 2, A: one}
                """));

        assertThat(scenario.requests().getFirst().method()).isEqualTo("POST");
        assertThat(scenario.requests().getFirst().headers()).containsExactly(new Header("X-B", "2"),
                new Header("A", "one"));
    }

    @Test
    void reportsMissingKeysAndWrongTypesFromTheSchemaAtTheirLines() throws IOException {
        assertThat(problems("""
                name: x
                connections: many
                load: {rate: 1, duration: 1s}
                """)).containsExactly(
                "s.yaml:1:1: error: missing key \"requests\"; expected a value for \"requests\"",
                "s.yaml:1:1: error: missing key \"target\"; expected a value for \"target\"",
                "s.yaml:2:14: error: \"connections\" is a string; expected a whole number");
    }

    @Test
    void reportsNonPositiveRatesAndWeights() throws IOException {
        assertThat(problems(minimal("{rate: 0, duration: 1s}", "  - path: /\n    weight: -1"))).containsExactly(
                "s.yaml:2:14: error: \"load.rate\" is 0; expected more than 0",
                "s.yaml:5:13: error: \"requests[0].weight\" is -1; expected more than 0");
    }

    @Test
    void warnsAboutUnknownKeysWithASuggestion() throws IOException {
        List<String> problems = problems(minimal("{rate: 1, duration: 1s}", "  - path: /") + "\nthreshold: [\"p99<1s\"]");

        assertThat(problems).containsExactly("s.yaml:5:1: warning: unknown key \"threshold\" (hint: did you mean "
                + "\"thresholds\"?)");
    }

    @Test
    void requiresExactlyOneLoadShape() throws IOException {
        assertThat(problems(minimal("{duration: 1s}", "  - path: /"))).containsExactly(
                "s.yaml:2:7: error: \"load\" has no load shape; expected " + shapes()
                        + " (hint: e.g. {rate: 100, duration: 60s})");
        assertThat(problems(minimal("\n  rate: 1\n  duration: 1s\n  closed: {duration: 1s}", "  - path: /")))
                .containsExactly("s.yaml:5:3: error: \"load\" has both rate and closed; expected " + shapes()
                        + " (hint: write one scenario per shape)");
    }

    @Test
    void aConstantRateNeedsADurationAndStagesTakeNoneAtTheTop() throws IOException {
        assertThat(problems(minimal("{rate: 5}", "  - path: /"))).containsExactly(
                "s.yaml:2:7: error: missing key \"load.duration\"; expected the time to send at this rate, such as 60s");
        assertThat(problems(minimal("{duration: 1s, stages: [{target: 1, duration: 1s}]}", "  - path: /")))
                .containsExactly("s.yaml:2:8: error: \"load.duration\" does not go with this load shape; expected "
                        + shapes() + " (hint: use a duration per stage)");
    }

    @Test
    void reportsBadDurationsAtTheirValue() throws IOException {
        assertThat(problems("target: http://h\nwarmup: 5 minutes later\nload: {rate: 1, duration: 10}\n"
                + "requests: [{path: /}]")).containsExactly(
                "s.yaml:2:9: error: \"5 minutes later\" is not a duration; expected a duration such as 30s, 5m, "
                        + "1h30m, 28d or \"30 minutes\"",
                "s.yaml:3:27: error: \"10\" is not a duration; expected a duration such as 30s, 5m, 1h30m, 28d or "
                        + "\"30 minutes\" (hint: add a unit, e.g. 10ms, 10s or 10m)");
    }

    @Test
    void rejectsATargetThatIsNotAnOrigin() throws IOException {
        assertThat(problems("target: ftp://h\nload: {rate: 1, duration: 1s}\nrequests: [{path: /}]"))
                .containsExactly("s.yaml:1:9: error: \"target\" has the wrong form \"ftp://h\"; expected text "
                        + "matching ^[hH][tT][tT][pP][sS]?://");
        assertThat(problems("target: http://h:8080/api\nload: {rate: 1, duration: 1s}\nrequests: [{path: /}]"))
                .containsExactly("s.yaml:1:9: error: \"target\" is more than an origin: http://h:8080/api; expected "
                        + "scheme, host and port such as http://127.0.0.1:8080 (hint: put paths in requests[].path)");
    }

    @Test
    void pathsStartWithASlashOrAreUrlsOnTheTarget() throws IOException {
        assertThat(problems(minimal("{rate: 1, duration: 1s}", """
                  - path: products
                  - path: https://127.0.0.1:8080/x
                  - path: /a b
                """))).containsExactly(
                "s.yaml:4:11: error: \"requests[0].path\" does not start with /: \"products\"; expected a path "
                        + "starting with / or a URL on http://127.0.0.1:8080 (hint: write /products)",
                "s.yaml:5:11: error: \"requests[1].path\" is on another origin (https://127.0.0.1:8080); expected "
                        + "a path starting with / or a URL on http://127.0.0.1:8080 (hint: one scenario loads one "
                        + "origin; write a scenario per origin)",
                "s.yaml:6:11: error: \"requests[2].path\" holds a space or control character at position 3; "
                        + "expected a path as sent on the wire (hint: percent-encode it: a space is %20)");
    }

    @Test
    void methodsAreTokens() throws IOException {
        assertThat(problems(minimal("{rate: 1, duration: 1s}", "  - {path: /, method: \"GET /x\"}")))
                .containsExactly("s.yaml:4:23: error: \"requests[0].method\" has the wrong form \"GET /x\"; "
                        + "expected text matching ^[!#$%&'*+.^_`|~0-9A-Za-z-]+$");
    }

    @Test
    void refusesHeadersThatEndEarlyOrThatTheClientSets() throws IOException {
        assertThat(problems(minimal("{rate: 1, duration: 1s}", """
                  - path: /
                    headers:
                      Host: other
                      X-A: "a\\r\\nX-Injected: 1"
                """))).containsExactly(
                "s.yaml:6:7: error: \"requests[0].headers.Host\" is set by relia itself; expected other headers "
                        + "(hint: Host comes from the target, Content-Length from the body; connections are always "
                        + "kept alive)",
                "s.yaml:7:7: error: \"requests[0].headers.X-A\" holds a carriage return; expected a one-line value "
                        + "(hint: a line break would end the header (request smuggling))");
    }

    @Test
    void placeholdersMustNameACsvColumn() throws IOException {
        write("users.csv", "user,page\nalice,1\n");
        assertThat(problems(minimal("{rate: 1, duration: 1s}", """
                  - path: /p?page=${pgae}
                    body: '${user}'
                """) + "variables: users.csv\n")).containsExactly(
                "s.yaml:4:5: error: \"requests[0]\" uses ${pgae}, which is not a column of " + dir.resolve(
                        "users.csv").toString().replace(dir + "/", "") + "; expected one of the columns: user, page "
                        + "(hint: did you mean ${page}?)");
    }

    @Test
    void placeholdersNeedAVariablesFile() throws IOException {
        assertThat(problems(minimal("{rate: 1, duration: 1s}", "  - path: /u/${user}"))).containsExactly(
                "s.yaml:4:5: error: \"requests[0]\" uses ${user} but the scenario has no variables; expected "
                        + "variables: FILE.csv with a column for each placeholder");
    }

    @Test
    void aMissingCsvIsReportedWhereTheScenarioNamesIt() throws IOException {
        assertThat(problems(minimal("{rate: 1, duration: 1s}", "  - path: /") + "\nvariables: nope.csv"))
                .containsExactly("s.yaml:5:12: error: the variables file nope.csv does not exist; expected a CSV "
                        + "file, relative to the scenario file");
    }

    @Test
    void aCsvValueWithALineBreakCannotGoIntoAHeader() throws IOException {
        write("v.csv", "id\n\"a\nb\"\n");
        assertThat(problems(minimal("{rate: 1, duration: 1s}", "  - {path: /, headers: {X-Id: \"${id}\"}}")
                + "\nvariables: v.csv")).singleElement().asString()
                .startsWith("s.yaml:4:5: error: \"requests[0]\" puts ${id} in a header, and row 1 of v.csv holds a "
                        + "line feed");
    }

    @Test
    void reportsBadThresholdsAtTheirItem() throws IOException {
        assertThat(problems(minimal("{rate: 1, duration: 1s}", "  - path: /")
                + "\nthresholds:\n  - p99<1s\n  - p99<1x")).singleElement().asString()
                .startsWith("s.yaml:7:5: error: \"p99<1x\": \"1x\" has an unknown unit \"x\"");
    }

    @Test
    void collectsEveryProblemInOnePass() throws IOException {
        assertThat(problems("""
                target: http://h
                warmup: soon
                load: {rate: 1}
                requests:
                  - path: x
                thresholds: p99<1
                """)).hasSize(4);
    }

    @Test
    void orThrowGivesAnInputExceptionWithEveryProblem() throws IOException {
        ScenarioReader.Result result = ScenarioReader.load(write("s.yaml", "target: 1\n"));

        assertThatThrownBy(result::orThrow).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).hasSize(3));
    }

    private static String shapes() {
        return "one load shape: rate + duration (constant), stages (+ start_rate) (ramping) or closed: {duration, "
                + "think_time} (fixed concurrency)";
    }
}
