package io.relia.chaos.experiment;

import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.value.Ratio;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Relia's provider types for Chaos Toolkit activities, beside {@code http} and {@code process}:
 * {@code prometheus} {query, url}, {@code burn-rate} {query, objective, url}, {@code metric} {name},
 * {@code process-control} {signal: start|stop|kill|pause|resume, name, command} and {@code toxiproxy}
 * {action: add-toxic|remove-toxic|disable|enable, proxy, toxic, toxic_type, stream, toxicity, attributes, admin}.
 * URLs default to the {@code x-relia} {@code prometheus} and {@code proxy.admin}.
 */
final class ReliaProviders {

    static final List<String> TYPES = List.of("prometheus", "burn-rate", "metric", "process-control", "toxiproxy");
    private static final List<String> SIGNALS = List.of("start", "stop", "kill", "pause", "resume");
    private static final List<String> ACTIONS = List.of("add-toxic", "remove-toxic", "disable", "enable");

    private final Plain plain;
    private final Extensions extensions;

    ReliaProviders(Plain plain, Extensions extensions) {
        this.plain = plain;
        this.extensions = extensions;
    }

    Optional<Provider> read(String type, Fields fields) {
        return switch (type) {
            case "prometheus" -> {
                fields.known(List.of("type", "query", "url"));
                Optional<URI> server = server(fields);
                yield query(fields).flatMap(query -> server.map(url -> new Provider.PrometheusQuery(url, query)));
            }
            case "burn-rate" -> {
                fields.known(List.of("type", "query", "objective", "url"));
                Optional<URI> server = server(fields);
                Optional<Ratio> objective = fields.requireText("objective", "the SLO objective, e.g. 99.9%")
                        .flatMap(text -> Ratio.parse(text).orReport(fields.problems(), fields.valueLocation(
                                "objective")))
                        .filter(ratio -> {
                            boolean valid = ratio.asDouble() > 0 && ratio.asDouble() < 1;
                            if (!valid) {
                                fields.problems().error(fields.valueLocation("objective"), "the objective is "
                                        + ratio, "between 0% and 100%, exclusive", "");
                            }
                            return valid;
                        });
                yield query(fields).flatMap(query -> server.flatMap(url -> objective.map(ratio ->
                        new Provider.BurnRate(url, query, ratio.asDouble()))));
            }
            case "metric" -> {
                fields.known(List.of("type", "name"));
                yield fields.requireText("name", "a metric such as p99_latency").map(name ->
                        new Provider.Metric(NativeExperimentReader.resolveMetric(Condition.normalizeMetric(name),
                                extensions)));
            }
            case "process-control" -> processControl(fields.known(List.of("type", "signal", "name", "command")));
            case "toxiproxy" -> toxiproxy(fields.known(List.of("type", "action", "proxy", "toxic", "toxic_type",
                    "stream", "toxicity", "attributes", "admin")));
            default -> throw new IllegalArgumentException("not a Relia provider type: " + type);
        };
    }

    private Optional<String> query(Fields fields) {
        return fields.requireText("query", "a PromQL expression").map(text -> plain.text(text,
                fields.valueLocation("query")));
    }

    private Optional<URI> server(Fields fields) {
        Optional<URI> own = fields.text("url", "the Prometheus URL").flatMap(text -> ActivityReader.parseUri(
                plain.text(text, fields.valueLocation("url")), fields.valueLocation("url"), fields.problems()));
        if (own.isEmpty() && !fields.map().has("url") && extensions.prometheus().isEmpty()) {
            fields.problems().error(fields.map().location(), "no Prometheus URL for \"" + fields.where() + "\"",
                    "url: here, or prometheus: under x-relia", "");
        }
        return own.or(extensions::prometheus);
    }

    private Optional<Provider> processControl(Fields fields) {
        Optional<String> signal = choice(fields, "signal", SIGNALS);
        Optional<String> name = fields.requireText("name", "the name the process is known by in this run");
        List<String> command = new ArrayList<>();
        fields.map().get("command").ifPresent(node -> command.addAll(words(node, fields.problems())));
        if (signal.filter("start"::equals).isPresent() && command.isEmpty()) {
            fields.problems().error(fields.map().location(), "starting a process needs a \"command\"",
                    "command: [program, argument, ...]", "");
            return Optional.empty();
        }
        return signal.flatMap(value -> name.map(handle -> new Provider.ProcessControl(
                Provider.Signal.valueOf(value.toUpperCase(Locale.ROOT)), handle, command)));
    }

    private Optional<Provider> toxiproxy(Fields fields) {
        Optional<String> action = choice(fields, "action", ACTIONS);
        Optional<String> proxy = fields.requireText("proxy", "the proxy name");
        URI admin = fields.text("admin", "the admin API URL").flatMap(text -> ActivityReader.parseUri(
                plain.text(text, fields.valueLocation("admin")), fields.valueLocation("admin"), fields.problems()))
                .orElse(extensions.admin());
        if (action.isEmpty() || proxy.isEmpty()) {
            return Optional.empty();
        }
        return switch (action.get()) {
            case "disable", "enable" -> Optional.of(new Provider.SetProxyEnabled(admin, proxy.get(),
                    action.get().equals("enable")));
            case "remove-toxic" -> fields.requireText("toxic", "the toxic's name").map(toxic ->
                    new Provider.RemoveToxic(admin, proxy.get(), toxic));
            default -> {
                Optional<String> type = fields.requireText("toxic_type", "latency, timeout, bandwidth, ...");
                String stream = fields.text("stream", "downstream or upstream").orElse("downstream");
                double toxicity = fields.number("toxicity", "0..1").map(BigDecimal::doubleValue).orElse(1.0);
                if (!(toxicity >= 0 && toxicity <= 1)) {
                    fields.problems().error(fields.valueLocation("toxicity"), "toxicity is " + toxicity, "0..1", "");
                    yield Optional.empty();
                }
                Map<String, Number> attributes = new LinkedHashMap<>();
                fields.child("attributes").ifPresent(child -> child.map().entries().forEach((key, entry) -> {
                    Optional<BigDecimal> number = entry.value() instanceof ScalarNode scalar ? scalar.asNumber()
                            : Optional.empty();
                    if (number.isPresent()) {
                        attributes.put(key, number.get().stripTrailingZeros().scale() <= 0
                                ? (Number) number.get().longValue() : (Number) number.get().doubleValue());
                    } else {
                        fields.problems().error(entry.value().location(), "attribute \"" + key + "\" is "
                                + entry.value().describe(), "a number (ms, KB/s or a ratio)", "");
                    }
                }));
                String toxic = fields.text("toxic", "a name").orElse(type.orElse("") + "_" + stream);
                yield type.map(value -> new Provider.AddToxic(admin, proxy.get(), toxic, value, stream, toxicity,
                        attributes));
            }
        };
    }

    private static Optional<String> choice(Fields fields, String key, List<String> values) {
        Optional<String> value = fields.requireText(key, String.join(", ", values));
        if (value.isPresent() && !values.contains(value.get())) {
            fields.problems().error(fields.valueLocation(key), "unknown " + key + " \"" + value.get() + "\"",
                    String.join(", ", values), io.relia.core.spec.Suggestions.closest(value.get(), values)
                            .map(best -> "did you mean \"" + best + "\"?").orElse(""));
            return Optional.empty();
        }
        return value;
    }

    private List<String> words(Node node, Problems problems) {
        if (node instanceof ScalarNode scalar) {
            return ActivityReader.splitArguments(plain.text(scalar.text(), scalar.location()));
        }
        if (node instanceof ListNode list) {
            return list.items().stream().map(item -> String.valueOf(plain.value(item))).toList();
        }
        problems.error(node.location(), "\"command\" is a mapping", "a list of words or a command line", "");
        return List.of();
    }
}
