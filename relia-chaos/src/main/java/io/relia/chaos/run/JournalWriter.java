package io.relia.chaos.run;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.relia.core.files.AtomicFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a {@link Journal} as JSON in Chaos Toolkit's journal shape ({@code relia-version} in place of
 * {@code chaoslib-version}), atomically: a temporary file in the same directory, then a move, so a reader never
 * sees half a journal even when the run is interrupted.
 */
public final class JournalWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JournalWriter() {
    }

    /** The journal as JSON-ready maps and lists. */
    public static Map<String, Object> toMap(Journal journal) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("relia-version", version());
        out.put("platform", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        out.put("node", hostName());
        out.put("experiment", journal.experiment());
        out.put("start", instant(journal.start()));
        out.put("end", instant(journal.end()));
        out.put("duration", journal.duration().toMillis() / 1000.0);
        out.put("status", journal.status().id());
        out.put("deviated", journal.deviated());
        Map<String, Object> steadyStates = new LinkedHashMap<>();
        steadyStates.put("before", journal.before().map(JournalWriter::steadyState).orElse(null));
        steadyStates.put("after", journal.after().map(JournalWriter::steadyState).orElse(null));
        steadyStates.put("during", journal.during().stream().map(JournalWriter::steadyState).toList());
        out.put("steady_states", steadyStates);
        out.put("run", journal.run().stream().map(JournalWriter::run).toList());
        out.put("rollbacks", journal.rollbacks().stream().map(JournalWriter::run).toList());
        Map<String, Object> relia = new LinkedHashMap<>();
        relia.put("reason", journal.abortReason());
        relia.put("undone", journal.undone());
        relia.put("fault_windows", journal.faultWindows().stream().map(window -> Map.of("name", window.name(),
                "start", instant(window.start()), "end", instant(window.end()))).toList());
        relia.put("samples", journal.samples().stream().map(sample -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("at", instant(sample.at()));
            point.put("p99_latency_ms", finite(sample.p99Ms()));
            point.put("error_rate", finite(sample.errorRate()));
            point.put("throughput", finite(sample.throughput()));
            return point;
        }).toList());
        out.put("x-relia", relia);
        return out;
    }

    /** Writes the journal to {@code path} atomically (temp file + move). */
    public static void write(Journal journal, Path path) throws IOException {
        AtomicFiles.writeString(path, JSON.writeValueAsString(toMap(journal)) + "\n");
    }

    private static Map<String, Object> steadyState(Journal.SteadyState state) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", state.phase());
        out.put("steady_state_met", state.met());
        out.put("probes", state.probes().stream().map(JournalWriter::run).toList());
        return out;
    }

    private static Map<String, Object> run(Journal.ActivityRun run) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("type", run.kind());
        activity.put("name", run.name());
        activity.put("provider", run.provider());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("activity", activity);
        out.put("status", run.succeeded() ? "succeeded" : "failed");
        out.put("output", jsonSafe(run.output()));
        run.exception().ifPresent(exception -> out.put("exception", List.of(exception.split("\n"))));
        run.detail().ifPresent(detail -> out.put("detail", detail));
        out.put("start", instant(run.start()));
        out.put("end", instant(run.end()));
        out.put("duration", run.duration().toMillis() / 1000.0);
        run.toleranceMet().ifPresent(met -> out.put("tolerance_met", met));
        return out;
    }

    private static Object jsonSafe(Object value) {
        return value instanceof Double number ? finite(number) : value;
    }

    /** ISO-8601 to the millisecond: the clock's nanoseconds are noise to a reader of the journal. */
    static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** JSON has no NaN: unmeasured values are null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String version() {
        return Optional.ofNullable(JournalWriter.class.getPackage().getImplementationVersion()).orElse("dev");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "unknown";
        }
    }
}
