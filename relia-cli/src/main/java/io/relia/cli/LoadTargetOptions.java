package io.relia.cli;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.files.InputFiles;
import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;
import io.relia.load.scenario.LoadProfile;
import io.relia.load.scenario.RequestTemplate;
import io.relia.load.scenario.Scenario;
import io.relia.load.scenario.ScenarioReader;
import io.relia.load.scenario.Scenarios;
import io.relia.load.scenario.Target;
import io.relia.load.threshold.Threshold;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What to load and how to connect: a URL or a scenario file, and the options that shape its requests. */
final class LoadTargetOptions {

    @Parameters(index = "0", paramLabel = "URL|SCENARIO",
            description = "An http:// or https:// URL, or a scenario file (YAML; see docs/load-scenarios.md).")
    String target;

    @Option(names = {"-c", "--connections"}, paramLabel = "N",
            description = "Connections kept open (open model: the pool requests wait for; closed model: the "
                    + "concurrency). Default: the scenario's, or 50 for a URL.")
    Integer connections;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Event loops sending requests (default: ${DEFAULT-VALUE}; one loop sustains tens of "
                    + "thousands of requests/s).")
    int threads;

    @Option(names = "--warmup", paramLabel = "DURATION",
            description = "A first period left out of the results and thresholds (default: the scenario's, or 0s).")
    String warmup;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Longest a request may take before it counts as a timeout (default: the scenario's, or 10s).")
    String timeout;

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", defaultValue = "GET",
            description = "HTTP method for a URL target (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "A request header for a URL "
            + "target; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-d", "--body"}, paramLabel = "TEXT", description = "Request body for a URL target.")
    String body;

    @Option(names = "--body-file", paramLabel = "FILE", description = "Request body for a URL target, from a file.")
    Path bodyFile;

    @Option(names = "--jit-warmup", paramLabel = "DURATION", defaultValue = "2s",
            description = "First run the engine for this long against a built-in server on 127.0.0.1 (never the "
                    + "target), so the JVM has compiled its hot paths before the first measured request "
                    + "(default: ${DEFAULT-VALUE}; 0s for none).")
    String jitWarmup;

    @Option(names = {"-k", "--insecure"}, description = "Do not verify the server's TLS certificate.")
    boolean insecure;

    /** Warnings from reading the scenario file (unknown keys), for the command to print. */
    List<Problem> warnings = List.of();

    boolean isUrl() {
        return target.startsWith("http://") || target.startsWith("https://");
    }

    /** The scenario file's scenario, or one built from the URL; command-line values override the file's. */
    Scenario scenario(Optional<LoadProfile> profile, List<Threshold> thresholds) {
        Scenario scenario;
        if (isUrl()) {
            scenario = Scenarios.forUrl(target, profile.orElseThrow(() -> usage(
                    "a URL target needs --rate and --duration (open model) or --closed and --duration")),
                    connections == null ? ScenarioReader.DEFAULT_CONNECTIONS : connections,
                    duration("--warmup", warmup, Duration.ZERO), duration("--timeout", timeout,
                            ScenarioReader.DEFAULT_TIMEOUT), thresholds, method, parsedHeaders(), body());
        } else {
            Path file = Path.of(target);
            if (!Files.exists(file)) {
                throw new InputException(Problem.error(Location.wholeFile(file), "no such scenario file",
                        "a scenario file (YAML) or an http:// or https:// URL", target.contains("://") ? ""
                                : "a URL needs its scheme: http://" + target));
            }
            ScenarioReader.Result loaded = ScenarioReader.load(file);
            scenario = loaded.orThrow();
            warnings = loaded.problems();
            if (profile.isPresent()) {
                scenario = scenario.withProfile(profile.get());
            }
            if (connections != null) {
                scenario = scenario.withConnections(connections);
            }
            if (warmup != null) {
                scenario = scenario.withWarmup(duration("--warmup", warmup, Duration.ZERO));
            }
            if (timeout != null) {
                scenario = new Scenario(scenario.name(), scenario.target(), scenario.requests(),
                        scenario.variables(), scenario.profile(), scenario.connections(), scenario.warmup(),
                        duration("--timeout", timeout, ScenarioReader.DEFAULT_TIMEOUT), scenario.thresholds());
            }
            // A --threshold the scenario already states is one threshold, not two lines saying the same thing.
            List<Threshold> all = new ArrayList<>(scenario.thresholds());
            for (Threshold extra : thresholds) {
                if (all.stream().noneMatch(known -> known.metric().equals(extra.metric()) && known.op() == extra.op()
                        && Double.compare(known.limit(), extra.limit()) == 0)) {
                    all.add(extra);
                }
            }
            scenario = scenario.withThresholds(all);
        }
        if (insecure) {
            Target t = scenario.target();
            scenario = new Scenario(scenario.name(), new Target(t.https(), t.host(), t.port(), true),
                    scenario.requests(), scenario.variables(), scenario.profile(), scenario.connections(),
                    scenario.warmup(), scenario.timeout(), scenario.thresholds());
        }
        if (threads < 1) {
            throw usage("--threads must be at least 1");
        }
        return scenario;
    }

    private List<RequestTemplate.Header> parsedHeaders() {
        List<RequestTemplate.Header> out = new ArrayList<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw usage("--header \"" + header + "\" is not NAME: VALUE");
            }
            out.add(new RequestTemplate.Header(header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip()));
        }
        return out;
    }

    private String body() {
        if (body != null && bodyFile != null) {
            throw usage("give --body or --body-file, not both");
        }
        if (bodyFile == null) {
            return body == null ? "" : body;
        }
        try {
            return InputFiles.readString(bodyFile, StandardCharsets.UTF_8, InputFiles.MAX_BYTES);
        } catch (IOException e) {
            throw new InputException(Problem.error(Location.wholeFile(bodyFile), "cannot read the body file: "
                    + e.getMessage(), "a readable UTF-8 file", ""));
        }
    }

    /** Runs the JIT warm-up for the scenario; progress on {@code err}. */
    void warmUp(Scenario scenario, java.io.PrintWriter err) {
        Duration d = duration("--jit-warmup", jitWarmup, Duration.ofSeconds(2));
        if (d.isZero()) {
            return;
        }
        try {
            io.relia.load.selftest.JitWarmup.run(scenario, threads, d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parses a duration option; a missing one takes the default. */
    static Duration duration(String option, String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        if (Durations.parse(text) instanceof Parsed.Ok<Duration>(Duration d) && !d.isNegative()) {
            return d;
        }
        throw usage(option + " " + text + " is not a duration (e.g. 500ms, 30s, 2m)");
    }

    static InputException usage(String message) {
        return new InputException(Problem.error(new Location("command line", 0, 0), message, "", ""));
    }
}
