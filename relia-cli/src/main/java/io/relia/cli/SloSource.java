package io.relia.cli;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.files.InputFiles;
import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;
import io.relia.slo.Slo;
import io.relia.slo.offline.RecordedData;
import io.relia.slo.prometheus.PrometheusClient;
import io.relia.slo.promql.OfflineEngine;
import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.SloQueries;
import io.relia.slo.status.StatusEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where {@code slo status}, {@code gate} and {@code backtest} read SLI data: a Prometheus server ({@code
 * --prometheus}) or a recording ({@code --data}: OpenMetrics or CSV), and which SLOs to evaluate.
 */
final class SloSource {

    static final class Source {
        @Option(names = "--prometheus", paramLabel = "URL", required = true,
                description = "Prometheus server root URL, e.g. http://127.0.0.1:9090.")
        String prometheus;

        @Option(names = "--data", paramLabel = "FILE", required = true,
                description = "Recorded data instead of a server: OpenMetrics text with timestamps, or a CSV of "
                        + "timestamp,good,total (or errors,total) counters, optionally with an slo column.")
        Path data;
    }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "SLO spec files (Relia, Sloth, OpenSLO or Pyrra).")
    List<Path> files;

    @Option(names = "--default-period", paramLabel = "DURATION", defaultValue = "30d",
            description = "SLO period for SLOs that name none (default: ${DEFAULT-VALUE}).")
    String defaultPeriod;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--slo", paramLabel = "ID", split = ",",
            description = "Only these SLOs (ID = <service>-<name>, as in the generated rules); repeatable.")
    List<String> only = new ArrayList<>();

    @Option(names = "--bearer-token-file", paramLabel = "FILE",
            description = "Send the token in FILE as a bearer token (or set RELIA_PROMETHEUS_TOKEN).")
    Path bearerTokenFile;

    @Option(names = "--basic-auth-file", paramLabel = "FILE",
            description = "Send HTTP basic auth from FILE holding user:password.")
    Path basicAuthFile;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "Trust this PEM CA certificate for https.")
    Path caFile;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Timeout of each Prometheus request (default: ${DEFAULT-VALUE}; connect timeout 5s).")
    String timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "Retries of a request after a 5xx or connection error, with exponential backoff and "
                    + "jitter (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "8",
            description = "Most Prometheus queries in flight at once (default: ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--verbose", description = "Also print the notes on how each SLI was read (relia slo validate "
            + "always shows them).")
    boolean verbose;

    @Option(names = "--prometheus-compat", paramLabel = "2|3", defaultValue = "3",
            description = "Offline: evaluate range windows as Prometheus 2 ([t-r, t]) or 3 ((t-r, t]) does "
                    + "(default: ${DEFAULT-VALUE}).")
    int compat;

    private RecordedData recorded;

    /** The SLO window of SLOs that name none. */
    Duration period(CommandLine commandLine) {
        return SloFiles.period(defaultPeriod, commandLine);
    }

    /** Every SLO of the files; problems printed, errors stop the command (exit 2). */
    List<Slo> slos(CommandLine commandLine) {
        return SloFiles.loadAll(files, commandLine.getErr(), verbose).stream().map(io.relia.slo.SloFile::slos)
                .flatMap(List::stream).toList();
    }

    /** The moment {@code --at} names, or "now" (the last recorded sample with --data). */
    Instant moment(String at, CommandLine commandLine) {
        return at == null ? now() : Times.parse("--at", at, now(), commandLine);
    }

    boolean offline() {
        return source.data != null;
    }

    /** The engine to query; recorded data is read (and checked) here. */
    QueryEngine engine(CommandLine commandLine) {
        if (compat != 2 && compat != 3) {
            throw new CommandLine.ParameterException(commandLine, "--prometheus-compat " + compat
                    + " is not a Prometheus major version; expected 2 or 3");
        }
        if (maxInFlight < 1 || maxInFlight > 64 || retries < 0 || retries > 10) {
            throw new CommandLine.ParameterException(commandLine, "--max-in-flight must be 1..64 and --retries "
                    + "0..10");
        }
        if (offline()) {
            recorded = RecordedData.load(source.data);
            if (recorded.series().isEmpty()) {
                throw new InputException(Problem.error(Location.wholeFile(source.data), "no series recorded",
                        "samples with timestamps", ""));
            }
            return new OfflineEngine(recorded, compat == 2 ? OfflineEngine.Compatibility.PROMETHEUS_2
                    : OfflineEngine.Compatibility.PROMETHEUS_3);
        }
        return prometheus(commandLine);
    }

    private QueryEngine prometheus(CommandLine commandLine) {
        URI url;
        try {
            url = new URI(source.prometheus.endsWith("/") ? source.prometheus.substring(0,
                    source.prometheus.length() - 1) : source.prometheus);
        } catch (URISyntaxException bad) {
            throw new CommandLine.ParameterException(commandLine, "--prometheus " + source.prometheus
                    + " is not a URL; expected e.g. http://127.0.0.1:9090");
        }
        if (url.getScheme() == null || !Set.of("http", "https").contains(url.getScheme()) || url.getHost() == null) {
            throw new CommandLine.ParameterException(commandLine, "--prometheus " + source.prometheus
                    + " is not an http(s) URL; expected e.g. http://127.0.0.1:9090");
        }
        Duration requestTimeout = Durations.parse(timeout).asOptional().filter(d -> !d.isZero())
                .orElseThrow(() -> new CommandLine.ParameterException(commandLine, "--timeout " + timeout
                        + " is not a duration; expected e.g. 30s"));
        PrometheusClient.Builder builder = PrometheusClient.builder(url).requestTimeout(requestTimeout)
                .maxRetries(retries).maxInFlight(maxInFlight);
        String token = System.getenv("RELIA_PROMETHEUS_TOKEN");
        if (bearerTokenFile != null) {
            token = readSecret(bearerTokenFile);
        }
        if (token != null && !token.isBlank()) {
            builder.bearerToken(token.strip());
        }
        if (basicAuthFile != null) {
            String credentials = readSecret(basicAuthFile).strip();
            int colon = credentials.indexOf(':');
            if (colon <= 0) {
                throw new InputException(Problem.error(Location.wholeFile(basicAuthFile),
                        "no user:password in the basic auth file", "one line user:password", ""));
            }
            builder.basicAuth(credentials.substring(0, colon), credentials.substring(colon + 1));
        }
        if (caFile != null) {
            builder.caCertificate(caFile);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.ParameterException(commandLine, bad.getMessage());
        }
    }

    private static String readSecret(Path file) {
        try {
            return InputFiles.readString(file, StandardCharsets.UTF_8, InputFiles.MAX_SECRET_BYTES);
        } catch (IOException failed) {
            throw new InputException(Problem.error(Location.wholeFile(file), "cannot read: " + failed.getMessage(),
                    "a readable file", ""));
        }
    }

    /** The moment "now" stands for: the last recorded sample offline, the clock otherwise. */
    Instant now() {
        return offline() && recorded != null ? recorded.last().orElse(Instant.now()) : Instant.now();
    }

    /** The first recorded sample (offline), for default backtest ranges. */
    java.util.Optional<Instant> first() {
        return offline() && recorded != null ? recorded.first() : java.util.Optional.empty();
    }

    /** The SLOs to evaluate, each bound to the queries that measure it. */
    List<StatusEvaluator.Target> targets(List<Slo> slos, CommandLine commandLine) {
        Set<String> wanted = new LinkedHashSet<>(only);
        List<Slo> selected = new ArrayList<>();
        for (Slo slo : slos) {
            if (wanted.isEmpty() || wanted.contains(slo.id())) {
                selected.add(slo);
            }
        }
        for (String id : wanted) {
            if (slos.stream().noneMatch(slo -> slo.id().equals(id))) {
                throw new CommandLine.ParameterException(commandLine, "--slo " + id + " names no SLO in the files; "
                        + "expected one of " + String.join(", ", slos.stream().map(Slo::id).toList()));
            }
        }
        if (recorded == null || recorded.format() != RecordedData.Format.CSV) {
            return selected.stream().map(slo -> new StatusEvaluator.Target(slo, SloQueries.of(slo))).toList();
        }
        Set<String> csvSlos = new LinkedHashSet<>();
        recorded.series().forEach(series -> {
            String id = series.labels().get("slo");
            if (id != null) {
                csvSlos.add(id);
            }
        });
        if (csvSlos.isEmpty()) {
            if (selected.size() != 1) {
                throw new CommandLine.ParameterException(commandLine, source.data + " has no slo column, so it "
                        + "measures one SLO; pick it with --slo ID (one of " + String.join(", ",
                        selected.stream().map(Slo::id).toList()) + ")");
            }
            return List.of(new StatusEvaluator.Target(selected.getFirst(), SloQueries.csv(null)));
        }
        List<StatusEvaluator.Target> targets = new ArrayList<>();
        for (Slo slo : selected) {
            if (csvSlos.contains(slo.id())) {
                targets.add(new StatusEvaluator.Target(slo, SloQueries.csv(slo.id())));
            }
        }
        if (targets.isEmpty()) {
            throw new CommandLine.ParameterException(commandLine, source.data + " has rows for "
                    + String.join(", ", csvSlos) + " but none of the SLOs selected");
        }
        return targets;
    }

    /** A failed query: the user's PromQL (exit 2, located at the SLO) or the server (exit 3). */
    static RuntimeException failure(QueryException failed, List<StatusEvaluator.Target> targets) {
        if (!failed.isUserError()) {
            return new ExternalFailure(failed.getMessage(), failed);
        }
        Location where = failed.sloId().flatMap(id -> targets.stream().filter(t -> t.slo().id().equals(id))
                .findFirst()).map(t -> t.slo().location()).orElse(new Location("<query>", 0, 0));
        return new InputException(Problem.error(where, failed.getMessage(), "PromQL the data source can evaluate",
                ""));
    }

    static Duration step(String text, CommandLine commandLine) {
        Parsed<Duration> parsed = Durations.parse(text);
        return parsed.asOptional().filter(d -> d.toSeconds() >= 1).orElseThrow(() ->
                new CommandLine.ParameterException(commandLine, "--step " + text + " is not a step; expected a "
                        + "duration of at least 1s, e.g. 1m"));
    }
}
