package io.relia.server.dashboard;

import io.javalin.Javalin;
import io.relia.core.process.CommandResult;
import io.relia.core.process.CommandRunner;
import io.relia.incident.IncidentQuery;
import io.relia.server.intake.AlertmanagerProcess;
import io.relia.slo.offline.RecordedData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in Debian's headless Chromium, driven by playwright-core ({@code src/test/e2e/dashboard.mjs}): token,
 * declaring an incident with a hostile title, acknowledging and resolving it, its postmortem, the action items and
 * the SLO overview; then a real Alertmanager (Debian package) fires an alert whose webhook opens an incident the
 * open list shows without a reload, with the alert and its runbook link on the incident's page; with a screenshot of each page in {@code relia-server/target/e2e-screenshots}; and the SLO
 * burn-down charts over the checkout example's recorded traffic. Skipped, loudly, when node, npm, Chromium or
 * playwright-core is missing ({@code scripts/lib/e2e.sh} installs playwright-core).
 */
@Tag("integration")
class DashboardBrowserTest {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> SCREENSHOTS = List.of("00-token-needed.png", "01-declare.png",
            "02-incident-list.png", "03-incident-acknowledged.png", "04-incident-resolved.png", "05-postmortem.png",
            "06-actions.png", "07-overview.png", "09-alert-incident-list.png", "10-alert-incident-page.png");
    private static final String ALERT_NAME = "CheckoutE2eErrorBudgetBurn";
    private static final String BURN_DOWN = "08-slo-burndown.png";

    @TempDir
    Path data;

    @Test
    void drivesTheIncidentLifecycleAndSloOverviewInChromium() throws Exception {
        Path repository = TestServer.repository();
        Path e2eModules = prepare(repository);
        Path screenshots = screenshots(repository, SCREENSHOTS);

        try (TestServer server = new TestServer(data.resolve("store"), setup -> setup.withSlos(
                TestServer.exampleSloFiles(), Optional.empty()));
             AlertmanagerProcess alertmanager = AlertmanagerProcess.start(Files.createDirectories(
                     data.resolve("alertmanager")), server.baseUrl() + "/api/v1/alerts/alertmanager", server.token,
                     List.of("alertname", "service"))) {
            runScript(repository, e2eModules, Map.of("BASE_URL", server.baseUrl(), "TOKEN", server.token,
                    "SCREENSHOT_DIR", screenshots.toString(), "ALERTMANAGER_URL", alertmanager.url(),
                    "ALERT_NAME", ALERT_NAME));
            assertThat(server.store.list(IncidentQuery.ALL)).as("the incident the real Alertmanager's webhook opened")
                    .anySatisfy(incident -> assertThat(incident.alerts()).containsExactly(ALERT_NAME));
        }
        for (String name : SCREENSHOTS) {
            assertThat(screenshots.resolve(name)).as("screenshot " + name).isNotEmptyFile();
        }
    }

    @Test
    void drawsEachSloBurnDownFromMeasuredData() throws Exception {
        Path repository = TestServer.repository();
        Path e2eModules = prepare(repository);
        Path screenshots = screenshots(repository, List.of(BURN_DOWN));
        Path reliability = repository.resolve("examples/checkout-service/reliability");
        RecordedData recorded = RecordedData.load(reliability.resolve("history/checkout-requests.om"));
        SloCatalog catalog = SloCatalog.load(List.of(reliability.resolve("sloth/checkout-availability.yaml"),
                reliability.resolve("slos.yaml")));

        try (SloApi slos = new SloApi(catalog, recorded)) {
            Dashboard dashboard = new Dashboard();
            Javalin app = Javalin.create(config -> {
                config.jetty.host = "127.0.0.1";
                config.jetty.port = 0;
                config.startup.showJavalinBanner = false;
                dashboard.configure(config);
                slos.configure(config);
            }).start();
            try {
                runScript(repository, e2eModules, Map.of("BASE_URL", "http://127.0.0.1:" + app.port(),
                        "MODE", "slo-live", "SCREENSHOT_DIR", screenshots.toString()));
            } finally {
                app.stop();
            }
        }
        assertThat(screenshots.resolve(BURN_DOWN)).isNotEmptyFile();
    }

    private static void runScript(Path repository, Path e2eModules, Map<String, String> settings)
            throws IOException, InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>(settings);
        environment.put("E2E_DIR", e2eModules.toString());
        CommandResult run = CommandRunner.run(List.of("node", "relia-server/src/test/e2e/dashboard.mjs"),
                RUN_TIMEOUT, repository, environment);

        assertThat(run.timedOut()).as("dashboard.mjs finished within %s", RUN_TIMEOUT).isFalse();
        assertThat(run.exitCode()).as("dashboard.mjs exit code; stdout:%n%s%nstderr:%n%s", run.stdout(),
                run.stderr()).isZero();
    }

    /** Installs playwright-core (or finds it installed) and checks node and Chromium; skips when one is missing. */
    private static Path prepare(Path repository) throws IOException, InterruptedException {
        CommandResult prepared;
        try {
            prepared = CommandRunner.run(List.of("bash", "scripts/lib/e2e.sh"), INSTALL_TIMEOUT, repository,
                    Map.of());
        } catch (IOException noBash) {
            assumeTrue(false, "SKIPPED dashboard browser test: cannot run bash scripts/lib/e2e.sh: "
                    + noBash.getMessage());
            throw noBash;
        }
        if (prepared.exitCode() != 0) {
            String missing = prepared.stderr().lines().filter(line -> line.startsWith("MISSING"))
                    .reduce((first, second) -> second).orElse(prepared.stderr().strip());
            System.err.println("*** SKIPPED dashboard browser test: " + missing);
            assumeTrue(false, "SKIPPED dashboard browser test: " + missing + (prepared.timedOut()
                    ? " (scripts/lib/e2e.sh timed out after " + INSTALL_TIMEOUT + ")" : ""));
        }
        List<String> lines = prepared.stdout().lines().toList();
        return Path.of(lines.getLast().strip());
    }

    /** The screenshot directory, without earlier runs' copies of {@code names}. */
    private static Path screenshots(Path repository, List<String> names) throws IOException {
        Path directory = Files.createDirectories(repository.resolve("relia-server/target/e2e-screenshots"));
        for (String name : names) {
            Files.deleteIfExists(directory.resolve(name));
        }
        Files.deleteIfExists(directory.resolve("failure.png"));
        return directory;
    }
}
