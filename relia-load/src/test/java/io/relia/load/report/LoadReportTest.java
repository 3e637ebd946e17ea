package io.relia.load.report;

import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;
import io.relia.load.run.LoadListener;
import io.relia.load.run.LoadOptions;
import io.relia.load.run.LoadResult;
import io.relia.load.run.LoadRunner;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.RequestTemplate;
import io.relia.load.scenario.Scenario;
import io.relia.load.scenario.Target;
import io.relia.load.selftest.TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LoadReportTest {

    @Test
    void theRequestCountsAddUpAndEachHasItsUnit() throws Exception {
        try (TestServer server = TestServer.start()) {
            // one connection held 3 s by the first request's answer: the rest of the arrivals cannot leave
            server.pauseAfter(1, Duration.ofSeconds(3));
            LoadResult result = run(server, 20, Duration.ofMillis(500));

            @SuppressWarnings("unchecked")
            Map<String, Object> requests = (Map<String, Object>) LoadReport.data(result).get("requests");
            long sent = (Long) requests.get("sent");
            long unsent = (Long) requests.get("unsent");
            assertThat(unsent).isPositive();
            assertThat(sent + unsent - (Long) requests.get("inFlightAtStop")).isEqualTo(requests.get("finished"));

            String text = text(result);
            assertThat(text).containsPattern("  scheduled +20 requests \\([\\d.]+ req/s\\)")
                    .containsPattern("  sent +" + sent + " requests? \\(")
                    .containsPattern("  not sent +" + unsent + " requests? \\(no connection was free")
                    .containsPattern("  finished +20 requests \\([\\d.]+ req/s\\), answered or failed")
                    .containsPattern("  errors +20 requests \\(100\\.000% of finished\\)")
                    .doesNotContain("in flight at stop", "thread(s)");
        }
    }

    @Test
    void theStartIsPrintedToTheSecond() throws Exception {
        try (TestServer server = TestServer.start()) {
            String text = text(run(server, 20, Duration.ofMillis(500)));

            assertThat(text).containsPattern("; started \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\.\n");
        }
    }

    private static LoadResult run(TestServer server, double rate, Duration timeout) {
        Scenario scenario = new Scenario("test", new Target(false, "127.0.0.1", server.port(), false),
                List.of(RequestTemplate.get("/")), Optional.empty(), new LoadProfile.Constant(rate,
                Duration.ofSeconds(1)), 1, Duration.ZERO, timeout, List.of());
        return new LoadRunner(scenario, LoadOptions.defaults(), LoadListener.NONE).run();
    }

    private static String text(LoadResult result) throws IOException {
        StringWriter out = new StringWriter();
        ReportWriter.forFormat(ReportFormat.TEXT, false).write(LoadReport.of(result), out);
        return out.toString();
    }
}
