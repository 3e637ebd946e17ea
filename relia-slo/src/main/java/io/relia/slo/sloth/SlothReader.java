package io.relia.slo.sloth;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.MapNode;
import io.relia.slo.AlertTier;
import io.relia.slo.Alerting;
import io.relia.slo.Sli;
import io.relia.slo.Slo;
import io.relia.slo.SlothPlugin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Sloth specs: the {@code prometheus/v1} file format (snake_case keys) and the Kubernetes
 * {@code sloth.slok.dev/v1 PrometheusServiceLevel} resource (camelCase keys, under {@code spec}).
 */
public final class SlothReader {

    /** Sloth's rule for SLO and service names: they become label values and rule group names. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][-A-Za-z0-9_.]*");
    private static final Pattern TEMPLATE_WINDOW = Pattern.compile("\\{\\{\\s*\\.window\\s*}}");

    /** Key names of one dialect: file format or Kubernetes resource. */
    private record Keys(String errorQuery, String totalQuery, String errorRatioQuery, String pageAlert,
                        String ticketAlert) {
    }

    private static final Keys FILE = new Keys("error_query", "total_query", "error_ratio_query", "page_alert",
            "ticket_alert");
    private static final Keys KUBERNETES = new Keys("errorQuery", "totalQuery", "errorRatioQuery", "pageAlert",
            "ticketAlert");


    private SlothReader() {
    }

    /** True for a Sloth document of either dialect. */
    public static boolean accepts(MapNode root) {
        return root.text("version").orElse("").equals("prometheus/v1")
                || root.text("apiVersion").orElse("").startsWith("sloth.slok.dev/") && !AlertWindowsReader.accepts(root);
    }

    /** Reads one document; every problem goes to {@code problems}; only valid SLOs are returned. */
    public static List<Slo> read(MapNode root, Problems problems) {
        if (root.text("apiVersion").orElse("").startsWith("sloth.slok.dev/")) {
            Fields resource = new Fields(root, problems, "").known(List.of("apiVersion", "kind", "metadata", "spec"));
            if (!root.text("kind").orElse("").equals("PrometheusServiceLevel")) {
                problems.error(resource.valueLocation("kind"), "unsupported Sloth kind \""
                        + root.text("kind").orElse("") + "\"", "PrometheusServiceLevel", "");
                return List.of();
            }
            return resource.child("spec").map(spec -> service(spec, KUBERNETES, "sloth.slok.dev/v1"))
                    .orElseGet(() -> {
                        problems.error(root.location(), "missing key \"spec\"", "the service level spec", "");
                        return List.of();
                    });
        }
        Fields file = new Fields(root, problems, "").known(List.of("version", "service", "labels", "slo_plugins",
                "slos"));
        return service(file, FILE, "prometheus/v1");
    }

    private static List<Slo> service(Fields spec, Keys keys, String format) {
        if (spec.where().equals("spec")) {
            spec.known(List.of("service", "labels", "sloPlugins", "slos"));
        }
        List<SlothPlugin> groupPlugins = SlothPluginReader.read(spec, keys == FILE ? "slo_plugins" : "sloPlugins");
        Optional<String> service = spec.requireText("service", "the service name");
        service.filter(name -> !NAME.matcher(name).matches()).ifPresent(name -> spec.problems().error(
                spec.valueLocation("service"), "service name \"" + name + "\" is not valid",
                "letters, digits, '-', '_' and '.', starting with a letter or digit", ""));
        Map<String, String> globalLabels = spec.textMap("labels");
        Optional<List<Fields>> slos = spec.children("slos");
        if (slos.isEmpty() || slos.get().isEmpty()) {
            if (!spec.map().has("slos") || slos.isPresent()) {
                spec.problems().error(spec.locationOf("slos"), slos.isEmpty() ? "missing key \"slos\"" : "no SLOs",
                        "a list of SLOs", "");
            }
            return List.of();
        }
        List<Slo> out = new ArrayList<>();
        Map<String, Location> seen = new HashMap<>();
        for (Fields slo : slos.get()) {
            Optional<Slo> parsed = slo(slo, keys, format, service.orElse(""), globalLabels, groupPlugins);
            parsed.ifPresent(value -> {
                Location first = seen.putIfAbsent(value.name(), value.location());
                if (first != null) {
                    slo.problems().error(slo.valueLocation("name"), "duplicate SLO name \"" + value.name()
                            + "\" (first at line " + first.line() + ")", "a unique name per service", "");
                } else {
                    out.add(value);
                }
            });
        }
        return service.isPresent() ? out : List.of();
    }

    private static Optional<Slo> slo(Fields slo, Keys keys, String format, String service,
                                     Map<String, String> globalLabels, List<SlothPlugin> groupPlugins) {
        slo.known(List.of("name", "objective", "description", "labels", "plugins", "sli", "alerting"));
        long before = slo.problems().errorCount();
        // Sloth's chain: the spec's plugins, then the SLO's; sorted by priority (stable) when applied.
        List<SlothPlugin> plugins = new ArrayList<>(groupPlugins);
        plugins.addAll(SlothPluginReader.read(slo, "plugins"));
        Optional<String> name = slo.requireText("name", "the SLO name");
        name.filter(value -> !NAME.matcher(value).matches()).ifPresent(value -> slo.problems().error(
                slo.valueLocation("name"), "SLO name \"" + value + "\" is not valid",
                "letters, digits, '-', '_' and '.', starting with a letter or digit", ""));
        Optional<BigDecimal> objective = slo.number("objective", "a percentage between 0 and 100, such as 99.9");
        if (!slo.map().has("objective")) {
            slo.problems().error(slo.map().location(), "missing key \"" + slo.where() + ".objective\"",
                    "a percentage between 0 and 100, such as 99.9", "");
        }
        objective.filter(value -> value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) >= 0)
                .ifPresent(value -> slo.problems().error(slo.valueLocation("objective"), "objective "
                        + value.toPlainString() + " is out of range", "more than 0 and less than 100",
                        value.compareTo(BigDecimal.valueOf(100)) >= 0 ? "a 100% objective leaves no error budget" : ""));
        Map<String, String> labels = new LinkedHashMap<>(globalLabels);
        labels.putAll(slo.textMap("labels"));
        Optional<Sli> sli = slo.child("sli").flatMap(fields -> sli(fields, keys));
        if (!slo.map().has("sli")) {
            slo.problems().error(slo.map().location(), "missing key \"" + slo.where() + ".sli\"",
                    "sli.events (error and total queries) or sli.raw (an error ratio query)", "");
        }
        Alerting alerting = slo.child("alerting").map(fields -> alerting(fields, keys)).orElse(
                new Alerting("", Map.of(), Map.of(), AlertTier.DEFAULT, AlertTier.DEFAULT));
        boolean alerts = !alerting.page().disabled() || !alerting.ticket().disabled();
        if (alerts && alerting.name().isEmpty()) {
            slo.problems().error(slo.map().map("alerting").map(MapNode::location).orElse(slo.map().location()),
                    "the SLO's alerts have no name", "alerting.name",
                    "name the alert, or disable page_alert and ticket_alert");
        }
        objective.filter(value -> value.signum() > 0 && value.compareTo(BigDecimal.valueOf(100)) < 0)
                .filter(value -> !(value.doubleValue() > 0 && value.doubleValue() < 100))
                .ifPresent(value -> slo.problems().error(slo.valueLocation("objective"), "objective "
                        + value.toPlainString() + " is too close to 0 or 100 to compute with",
                        "an objective with at most 15 significant digits", ""));
        if (slo.problems().errorCount() > before || name.isEmpty() || objective.isEmpty() || sli.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Slo(service, name.get(), slo.text("description", "text").orElse(""),
                objective.get().doubleValue(), Optional.empty(), sli.get(), labels, alerting, List.of(),
                new Slo.Extensions(0, false, plugins), format, slo.map().location()));
    }

    private static Optional<Sli> sli(Fields sli, Keys keys) {
        sli.known(List.of("events", "raw", "plugin"));
        if (sli.map().has("plugin")) {
            sli.problems().error(sli.locationOf("plugin"), "Sloth SLI plugins are not supported",
                    "sli.events or sli.raw", "write the plugin's queries as sli.events");
            return Optional.empty();
        }
        Optional<Fields> events = sli.child("events");
        Optional<Fields> raw = sli.child("raw");
        if (events.isPresent() == raw.isPresent()) {
            sli.problems().error(sli.map().location(), events.isPresent() ? "both sli.events and sli.raw are set"
                    : "the SLI has neither events nor raw", "exactly one of sli.events and sli.raw", "");
            return Optional.empty();
        }
        if (events.isPresent()) {
            Fields fields = events.get().known(List.of(keys.errorQuery(), keys.totalQuery()));
            Optional<String> error = query(fields, keys.errorQuery());
            Optional<String> total = query(fields, keys.totalQuery());
            return error.isPresent() && total.isPresent()
                    ? Optional.of(new Sli.Events(error.get(), total.get())) : Optional.empty();
        }
        Fields fields = raw.get().known(List.of(keys.errorRatioQuery()));
        return query(fields, keys.errorRatioQuery()).map(Sli.Raw::new);
    }

    private static Optional<String> query(Fields fields, String key) {
        // Sloth's template accepts {{ .window }} with any spacing; the rules are made from one spelling.
        Optional<String> query = fields.requireText(key, "a PromQL query with {{.window}} as its range")
                .map(text -> TEMPLATE_WINDOW.matcher(text).replaceAll(Matcher.quoteReplacement(Sli.WINDOW)));
        query.filter(text -> !text.contains(Sli.WINDOW)).ifPresent(text -> fields.problems().error(
                fields.valueLocation(key), "\"" + fields.where() + "." + key + "\" has no {{.window}}",
                "a PromQL query whose range is {{.window}}, e.g. rate(x[{{.window}}])",
                "without it every alert window measures the same range"));
        return query.filter(text -> text.contains(Sli.WINDOW));
    }

    private static Alerting alerting(Fields alerting, Keys keys) {
        alerting.known(List.of("name", "labels", "annotations", keys.pageAlert(), keys.ticketAlert()));
        return new Alerting(alerting.text("name", "the alert name").orElse(""), alerting.textMap("labels"),
                alerting.textMap("annotations"), tier(alerting, keys.pageAlert()), tier(alerting, keys.ticketAlert()));
    }

    private static AlertTier tier(Fields alerting, String key) {
        return alerting.child(key).map(tier -> {
            tier.known(Set.of("disable", "labels", "annotations"));
            return new AlertTier(tier.bool("disable").orElse(false), tier.textMap("labels"),
                    tier.textMap("annotations"));
        }).orElse(AlertTier.DEFAULT);
    }
}
