package io.relia.chaos.experiment;

import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.value.Ratio;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One native method step ({@code {type: network-latency, target: {service, percentage}, latency, duration}})
 * mapped to the Toxiproxy change that injects it and the one that undoes it.
 *
 * @param inject the fault action; its pause after is the step's duration
 * @param remove the action that removes the fault
 */
record FaultStep(Activity inject, Activity remove) {

    /** Native fault types and the Toxiproxy toxic each becomes ({@code network-down} disables the proxy). */
    static final Map<String, String> TOXICS = Map.of(
            "network-latency", "latency",
            "network-timeout", "timeout",
            "network-bandwidth", "bandwidth",
            "network-reset", "reset_peer",
            "network-loss", "packet_loss",
            "network-slow-close", "slow_close",
            "network-down", "");
    private static final List<String> KEYS = List.of("type", "name", "target", "latency", "jitter", "duration",
            "timeout", "rate", "loss", "delay", "stream");
    /** The proxy refuses toxic times above an hour and rates above 10^9 KB/s (docs/chaos.md, Toxics). */
    private static final Duration MAX_TOXIC_TIME = Duration.ofHours(1);
    private static final BigDecimal MAX_RATE = BigDecimal.valueOf(1_000_000_000L);

    static Optional<FaultStep> read(Fields step, int index, int count, URI admin) {
        step.known(KEYS);
        Problems problems = step.problems();
        Optional<String> type = step.requireText("type", "a fault type: " + String.join(", ", TOXICS.keySet()
                .stream().sorted().toList()));
        if (type.isPresent() && !TOXICS.containsKey(type.get())) {
            problems.error(step.valueLocation("type"), "unknown fault type \"" + type.get() + "\"", String.join(", ",
                    TOXICS.keySet().stream().sorted().toList()), io.relia.core.spec.Suggestions.closest(type.get(),
                    TOXICS.keySet()).map(best -> "did you mean \"" + best + "\"?").orElse(""));
            // The rest of the step is still checked: every problem of a file is reported at once.
            type = Optional.empty();
        }
        Optional<Fields> target = step.child("target");
        target.ifPresent(t -> t.known(List.of("service", "percentage")));
        Optional<String> service = target.flatMap(t -> t.requireText("service", "the proxy (service) to fault"));
        if (target.isEmpty()) {
            problems.error(step.map().location(), "missing key \"" + step.where() + ".target\"",
                    "target: {service: NAME} naming the proxy to fault", "");
        }
        double toxicity = target.flatMap(t -> t.number("percentage", "0..100")).map(percent -> {
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                problems.error(target.get().valueLocation("percentage"), "percentage is " + percent, "0..100", "");
                return 1.0;
            }
            return percent.doubleValue() / 100.0;
        }).orElse(1.0);
        Optional<Duration> duration = withUnit(step, "duration");
        if (!step.map().has("duration")) {
            problems.error(step.map().location(), "missing key \"" + step.where() + ".duration\"",
                    "how long the fault lasts, e.g. 10m", "");
        }
        if (type.isEmpty() || service.isEmpty() || duration.isEmpty()) {
            return Optional.empty();
        }
        String toxicType = TOXICS.get(type.get());
        String proxy = service.get();
        String stepName = step.text("name", "a name").orElse(count == 1 ? type.get() : type.get() + "-" + (index + 1));
        String stream = step.text("stream", "downstream or upstream").orElse("downstream");
        if (!stream.equals("downstream") && !stream.equals("upstream")) {
            problems.error(step.valueLocation("stream"), "stream is \"" + stream + "\"", "downstream or upstream", "");
        }
        Provider injectProvider;
        Provider removeProvider;
        if (toxicType.isEmpty()) {
            injectProvider = new Provider.SetProxyEnabled(admin, proxy, false);
            removeProvider = new Provider.SetProxyEnabled(admin, proxy, true);
        } else {
            String toxic = "relia_" + stepName.replaceAll("[^A-Za-z0-9_-]", "_");
            injectProvider = new Provider.AddToxic(admin, proxy, toxic, toxicType, stream, toxicity,
                    attributes(type.get(), step));
            removeProvider = new Provider.RemoveToxic(admin, proxy, toxic);
        }
        Activity inject = new Activity(Activity.Kind.ACTION, "inject " + stepName + " on " + proxy, injectProvider,
                Optional.empty(), Duration.ZERO, duration.get(), false, true, step.map().location());
        Activity remove = Activity.action("remove " + stepName + " from " + proxy, removeProvider,
                step.map().location());
        return Optional.of(new FaultStep(inject, remove));
    }

    /** Toxic attributes in Toxiproxy's units: ms for times, KB/s for rate, ratio 0..1 for loss. */
    private static Map<String, Number> attributes(String type, Fields step) {
        Map<String, Number> out = new LinkedHashMap<>();
        switch (type) {
            case "network-latency" -> {
                out.put("latency", millis(step, "latency", true));
                out.put("jitter", millis(step, "jitter", false));
            }
            case "network-timeout" -> out.put("timeout", millis(step, "timeout", false));
            case "network-reset" -> out.put("timeout", millis(step, "timeout", false));
            case "network-slow-close" -> out.put("delay", millis(step, "delay", true));
            case "network-bandwidth" -> {
                Optional<BigDecimal> rate = step.number("rate", "KB/s");
                if (rate.isEmpty()) {
                    step.problems().error(step.map().location(), "missing key \"" + step.where() + ".rate\"",
                            "the bandwidth in KB/s", "");
                }
                if (rate.isPresent() && (rate.get().signum() < 0 || rate.get().compareTo(MAX_RATE) > 0)) {
                    step.problems().error(step.valueLocation("rate"), "rate is " + rate.get().toPlainString()
                            + " KB/s", "0..1000000000 KB/s, the proxy's range (0 = no limit)", "");
                }
                out.put("rate", rate.map(BigDecimal::longValue).orElse(0L));
            }
            case "network-loss" -> {
                Optional<Ratio> loss = step.text("loss", "a percentage such as 10%").flatMap(text -> Ratio.parse(text)
                        .orReport(step.problems(), step.valueLocation("loss")));
                if (loss.isEmpty() && !step.map().has("loss")) {
                    step.problems().error(step.map().location(), "missing key \"" + step.where() + ".loss\"",
                            "the share of chunks dropped, e.g. 10%", "");
                }
                out.put("loss_rate", loss.map(Ratio::asDouble).orElse(0.0));
            }
            default -> {
            }
        }
        return out;
    }

    private static long millis(Fields step, String key, boolean required) {
        if (required && !step.map().has(key)) {
            step.problems().error(step.map().location(), "missing key \"" + step.where() + "." + key + "\"",
                    "a duration such as 200ms", "");
        }
        Optional<Duration> time = withUnit(step, key);
        if (time.isPresent() && time.get().compareTo(MAX_TOXIC_TIME) > 0) {
            step.problems().error(step.valueLocation(key), "\"" + key + "\" is more than an hour",
                    "at most 1h, the proxy's range", "");
            return 0;
        }
        return time.map(Duration::toMillis).orElse(0L);
    }

    /**
     * A step's time with its unit ({@code 200ms}, {@code 10m}; {@code 0} alone is fine): a bare {@code 200} could be
     * milliseconds or seconds, and a 200 s latency is not a typo to run silently.
     */
    private static Optional<Duration> withUnit(Fields step, String key) {
        return step.map().get(key).flatMap(node -> node instanceof io.relia.core.spec.ScalarNode scalar
                ? io.relia.core.value.Durations.parse(scalar.text()).orReport(step.problems(), node.location())
                : reportNotScalar(step, key, node));
    }

    private static Optional<Duration> reportNotScalar(Fields step, String key, io.relia.core.spec.Node node) {
        step.problems().error(node.location(), "\"" + key + "\" is " + node.describe(), "a duration such as 200ms",
                "");
        return Optional.empty();
    }
}
