package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.NativeExperimentReader;
import io.relia.chaos.experiment.Provider;
import io.relia.core.value.Durations;
import io.relia.slo.prometheus.PrometheusClient;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Executes one activity's provider and records the result as a {@link Journal.ActivityRun}; records every proxy
 * and process change in the {@link UndoLog}. Owns the clients it opens; close it after the run.
 */
final class ActivityExecutor implements AutoCloseable {

    private static final Duration PROMETHEUS_TIMEOUT = Duration.ofSeconds(10);

    private final Experiment experiment;
    private final Optional<TrafficSource> traffic;
    private final UndoLog undo;
    private final Processes processes = new Processes();
    private final Map<URI, ToxiproxyApi> admins = new ConcurrentHashMap<>();
    private final Map<URI, PrometheusClient> prometheus = new ConcurrentHashMap<>();

    ActivityExecutor(Experiment experiment, Optional<TrafficSource> traffic, UndoLog undo) {
        this.experiment = experiment;
        this.traffic = traffic;
        this.undo = undo;
    }

    /** Runs an activity; a provider failure is a failed run, never an exception. */
    Journal.ActivityRun execute(Activity activity) throws InterruptedException {
        Instant start = Instant.now();
        try {
            Object output;
            Optional<String> detail = Optional.empty();
            if (activity.provider() instanceof Provider.Metric metric) {
                Measured measured = measure(metric.name());
                output = measured.value();
                detail = Optional.of(measured.text());
            } else {
                output = output(activity.provider());
            }
            Object result = output;
            Optional<Boolean> met = activity.tolerance().map(tolerance -> tolerance.met(result));
            return new Journal.ActivityRun(activity.name(), activity.kind().id(), activity.provider().describe(),
                    true, output, Optional.empty(), start, Instant.now(), met, detail);
        } catch (ActivityFailure failure) {
            return failed(activity, start, failure.getMessage());
        } catch (RuntimeException bug) {
            StringWriter trace = new StringWriter();
            bug.printStackTrace(new PrintWriter(trace));
            return failed(activity, start, trace.toString());
        }
    }

    private static Journal.ActivityRun failed(Activity activity, Instant start, String exception) {
        return new Journal.ActivityRun(activity.name(), activity.kind().id(), activity.provider().describe(), false,
                null, Optional.of(exception), start, Instant.now(), activity.tolerance().map(tolerance -> false),
                Optional.empty());
    }

    /** A measurement, and for people its value with the unit and what it rests on. */
    record Measured(double value, String text) {
    }

    private Object output(Provider provider) throws ActivityFailure, InterruptedException {
        return switch (provider) {
            case Provider.Http http -> HttpCalls.call(http);
            case Provider.Process process -> Processes.run(process);
            case Provider.ProcessControl control -> processes.control(control, undo);
            case Provider.AddToxic toxic -> {
                UndoLog.ToxicAdded change = new UndoLog.ToxicAdded(toxic.admin(), toxic.proxy(), toxic.toxic());
                Map<String, Object> created = api(toxic.admin(), api -> api.createToxic(toxic.proxy(), toxic.toxic(),
                        toxic.type(), toxic.stream(), toxic.toxicity(), toxic.attributes()));
                undo.record(change);
                yield created;
            }
            case Provider.RemoveToxic toxic -> {
                boolean removed = api(toxic.admin(), api -> api.deleteToxic(toxic.proxy(), toxic.toxic()));
                undo.undone(new UndoLog.ToxicAdded(toxic.admin(), toxic.proxy(), toxic.toxic()));
                yield Map.of("removed", removed);
            }
            case Provider.SetProxyEnabled proxy -> {
                Map<String, Object> answer = api(proxy.admin(), api -> api.setEnabled(proxy.proxy(), proxy.enabled()));
                UndoLog.ProxyDisabled change = new UndoLog.ProxyDisabled(proxy.admin(), proxy.proxy());
                if (proxy.enabled()) {
                    undo.undone(change);
                } else {
                    undo.record(change);
                }
                yield answer;
            }
            case Provider.CreateProxy create -> api(create.admin(), api -> api.createProxy(create.proxy(),
                    create.listen(), create.upstream(), create.enabled()));
            case Provider.DeleteProxy delete -> Map.of("deleted", api(delete.admin(),
                    api -> api.deleteProxy(delete.proxy())));
            case Provider.UpdateProxy update -> {
                Map<String, Object> fields = new java.util.LinkedHashMap<>();
                update.listen().ifPresent(value -> fields.put("listen", value));
                update.upstream().ifPresent(value -> fields.put("upstream", value));
                update.enabled().ifPresent(value -> fields.put("enabled", value));
                Map<String, Object> answer = api(update.admin(), api -> api.updateProxy(update.proxy(), fields));
                UndoLog.ProxyDisabled change = new UndoLog.ProxyDisabled(update.admin(), update.proxy());
                update.enabled().ifPresent(enabled -> {
                    if (enabled) {
                        undo.undone(change);
                    } else {
                        undo.record(change);
                    }
                });
                yield answer;
            }
            case Provider.ResetProxies reset -> {
                api(reset.admin(), api -> {
                    api.reset();
                    return null;
                });
                undo.pending().stream().filter(change -> switch (change) {
                    case UndoLog.ToxicAdded toxic -> toxic.admin().equals(reset.admin());
                    case UndoLog.ProxyDisabled proxy -> proxy.admin().equals(reset.admin());
                    case UndoLog.ProcessChanged ignored -> false;
                }).forEach(undo::undone);
                yield Map.of("reset", true);
            }
            case Provider.ProxyExists exists -> api(exists.admin(), api -> api.findProxy(exists.proxy()).isPresent());
            case Provider.ProxyAttribute attribute -> {
                Map<String, Object> proxy = api(attribute.admin(), api -> api.findProxy(attribute.proxy()))
                        .orElseThrow(() -> new ActivityFailure("proxy " + attribute.proxy() + " does not exist at "
                                + attribute.admin()));
                if (!proxy.containsKey(attribute.attribute())) {
                    throw new ActivityFailure("proxy " + attribute.proxy() + " has no attribute "
                            + attribute.attribute() + "; it has " + String.join(", ", proxy.keySet()));
                }
                yield proxy.get(attribute.attribute());
            }
            case Provider.Metric metric -> metric(metric.name());
            case Provider.PrometheusQuery query -> instant(query.server(), query.query());
            case Provider.BurnRate burn -> instant(burn.server(), burn.errorRatioQuery()) / (1 - burn.objective());
        };
    }

    /** A traffic metric over the source's window, or a declared PromQL metric. */
    double metric(String name) throws ActivityFailure, InterruptedException {
        return measure(name).value();
    }

    /** {@link #metric}, with the basis of a traffic measurement: requests in the window and why any failed. */
    Measured measure(String name) throws ActivityFailure, InterruptedException {
        if (NativeExperimentReader.TRAFFIC_METRICS.contains(name)) {
            TrafficSource source = traffic.orElseThrow(() -> new ActivityFailure("metric " + name + " needs the "
                    + "traffic source; declare traffic: {url, rate}"));
            TrafficSource.Snapshot snapshot = source.snapshot();
            if (snapshot.requests() == 0) {
                throw new ActivityFailure("no request to " + experiment.traffic().orElseThrow().url()
                        + " completed in the last " + Durations.format(source.window()) + "; cannot measure " + name);
            }
            double value = snapshot.metric(name);
            return new Measured(value, Outputs.metric(name, value) + " (" + snapshot.basis() + ")");
        }
        String query = experiment.metrics().get(name);
        if (query == null || experiment.prometheus().isEmpty()) {
            throw new ActivityFailure("metric " + name + " is not measured: declare it under metrics: with a "
                    + "prometheus: URL");
        }
        double value = instant(experiment.prometheus().get(), query);
        return new Measured(value, Outputs.metric(name, value) + " (" + query + " at "
                + experiment.prometheus().get() + ")");
    }

    private double instant(URI server, String query) throws ActivityFailure {
        PrometheusClient client = prometheus.computeIfAbsent(server, uri -> PrometheusClient.builder(uri)
                .requestTimeout(PROMETHEUS_TIMEOUT).maxRetries(2).build());
        try {
            List<TimeSeries> series = client.queryRange(query, TimeGrid.at(Instant.now()));
            return series.isEmpty() ? Double.NaN : series.getFirst().valueAt(0);
        } catch (QueryException failed) {
            throw new ActivityFailure("query " + query + " failed: " + failed.getMessage(), failed);
        }
    }

    /** Connections open through a proxy, when its server says (Relia's proxy does, Toxiproxy does not). */
    Optional<Integer> openConnections(URI admin, String proxy) throws InterruptedException {
        try {
            return api(admin, api -> api.openConnections(proxy));
        } catch (ActivityFailure unknown) {
            return Optional.empty();
        }
    }

    /** Undoes one change left in the undo log. */
    void undo(UndoLog.Change change) throws ActivityFailure, InterruptedException {
        switch (change) {
            case UndoLog.ToxicAdded toxic -> api(toxic.admin(), api -> api.deleteToxic(toxic.proxy(), toxic.toxic()));
            case UndoLog.ProxyDisabled proxy -> api(proxy.admin(), api -> api.setEnabled(proxy.proxy(), true));
            case UndoLog.ProcessChanged process -> processes.undo(process);
        }
        undo.undone(change);
    }

    private interface ApiCall<T> {
        T call(ToxiproxyApi api) throws ToxiproxyApi.ApiError, InterruptedException;
    }

    private <T> T api(URI admin, ApiCall<T> call) throws ActivityFailure, InterruptedException {
        ToxiproxyApi api = admins.computeIfAbsent(admin, ToxiproxyApi::new);
        try {
            return call.call(api);
        } catch (ToxiproxyApi.ApiError error) {
            throw new ActivityFailure(error.getMessage(), error);
        }
    }

    @Override
    public void close() {
        processes.close();
        admins.values().forEach(ToxiproxyApi::close);
        prometheus.values().forEach(PrometheusClient::close);
    }
}
