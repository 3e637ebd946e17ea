package io.relia.slo.sloth;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;
import io.relia.slo.rules.AlertWindows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads Sloth's {@code sloth.slok.dev/v1 AlertWindows} spec: the page and ticket window pairs (quick and slow) of
 * one SLO period, each with the share of the error budget it may spend, as Sloth's
 * {@code --slo-period-windows-path} files hold them.
 */
public final class AlertWindowsReader {

    /**
     * The windows of one SLO period.
     *
     * @param period  {@code spec.sloPeriod}
     * @param windows the four window pairs
     */
    public record PeriodWindows(Duration period, AlertWindows windows) {
    }

    private AlertWindowsReader() {
    }

    /** True for a {@code sloth.slok.dev/*} document of kind {@code AlertWindows}. */
    public static boolean accepts(MapNode root) {
        return root.text("apiVersion").orElse("").startsWith("sloth.slok.dev/")
                && root.text("kind").orElse("").equals("AlertWindows");
    }

    /** Reads one document; every problem goes to {@code problems}, all at once; empty when any was an error. */
    public static Optional<PeriodWindows> read(MapNode root, Problems problems) {
        long before = problems.errorCount();
        Fields document = new Fields(root, problems, "").known(List.of("apiVersion", "kind", "metadata", "spec"));
        Optional<Fields> spec = document.child("spec");
        if (spec.isEmpty()) {
            problems.error(root.location(), "missing key \"spec\"", "spec.sloPeriod, spec.page and spec.ticket", "");
            return Optional.empty();
        }
        Fields fields = spec.get().known(List.of("sloPeriod", "page", "ticket"));
        Optional<Duration> period = duration(fields, "sloPeriod");
        Optional<AlertWindows.Window[]> page = tier(fields, "page");
        Optional<AlertWindows.Window[]> ticket = tier(fields, "ticket");
        if (problems.errorCount() > before || period.isEmpty() || page.isEmpty() || ticket.isEmpty()) {
            return Optional.empty();
        }
        AlertWindows windows = new AlertWindows(page.get()[0], page.get()[1], ticket.get()[0], ticket.get()[1]);
        for (AlertWindows.Window window : windows.all()) {
            if (window.longWindow().compareTo(period.get()) > 0) {
                problems.error(fields.valueLocation("sloPeriod"), "the window " + Durations.format(window.longWindow())
                        + " is longer than the SLO period " + Durations.format(period.get()),
                        "long windows within the period", "");
                return Optional.empty();
            }
        }
        return Optional.of(new PeriodWindows(period.get(), windows));
    }

    /**
     * The windows per SLO period of every AlertWindows document in {@code files} (Sloth's
     * {@code --slo-period-windows-path}); anything else in them, and a period given twice, is an error.
     */
    public static Map<Duration, AlertWindows> load(List<Path> files, Problems problems) {
        Map<Duration, AlertWindows> byPeriod = new TreeMap<>();
        Map<Duration, Location> first = new HashMap<>();
        for (Path file : files) {
            LoadResult loaded = SpecLoader.load(file);
            problems.addAll(loaded.problems());
            if (loaded.file().isEmpty() || loaded.hasErrors()) {
                continue;
            }
            for (SpecDocument document : loaded.file().get().documents()) {
                if (!(document.root() instanceof MapNode map) || !accepts(map)) {
                    problems.error(document.root().location(), "not an AlertWindows spec",
                            "apiVersion: sloth.slok.dev/v1, kind: AlertWindows", "");
                    continue;
                }
                read(map, problems).ifPresent(windows -> {
                    Location seen = first.putIfAbsent(windows.period(), map.location());
                    if (seen != null) {
                        problems.error(map.location(), "alert windows for " + Durations.format(windows.period())
                                + " are also defined at " + seen, "one AlertWindows spec per SLO period", "");
                    } else {
                        byPeriod.put(windows.period(), windows.windows());
                    }
                });
            }
        }
        return byPeriod;
    }

    private static Optional<AlertWindows.Window[]> tier(Fields spec, String key) {
        if (!spec.map().has(key)) {
            spec.problems().error(spec.map().location(), "missing key \"" + spec.where() + "." + key + "\"",
                    "the quick and slow window pairs of the " + key + " alert", "");
            return Optional.empty();
        }
        return spec.child(key).flatMap(tier -> {
            tier.known(List.of("quick", "slow"));
            Optional<AlertWindows.Window> quick = window(tier, "quick");
            Optional<AlertWindows.Window> slow = window(tier, "slow");
            return quick.isPresent() && slow.isPresent()
                    ? Optional.of(new AlertWindows.Window[] {quick.get(), slow.get()}) : Optional.empty();
        });
    }

    private static Optional<AlertWindows.Window> window(Fields tier, String key) {
        if (!tier.map().has(key)) {
            tier.problems().error(tier.map().location(), "missing key \"" + tier.where() + "." + key + "\"",
                    "errorBudgetPercent, shortWindow and longWindow", "");
            return Optional.empty();
        }
        return tier.child(key).flatMap(window -> {
            window.known(List.of("errorBudgetPercent", "shortWindow", "longWindow"));
            Optional<BigDecimal> percent = window.number("errorBudgetPercent", "a percentage such as 2");
            if (!window.map().has("errorBudgetPercent")) {
                window.problems().error(window.map().location(), "missing key \"" + window.where()
                        + ".errorBudgetPercent\"", "the share of the error budget spent, in percent", "");
            }
            percent.filter(p -> p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0).ifPresent(p ->
                    window.problems().error(window.valueLocation("errorBudgetPercent"), "errorBudgetPercent "
                            + p.toPlainString() + " is out of range", "more than 0 and at most 100", ""));
            Optional<Duration> shortWindow = duration(window, "shortWindow");
            Optional<Duration> longWindow = duration(window, "longWindow");
            if (shortWindow.isPresent() && longWindow.isPresent()
                    && shortWindow.get().compareTo(longWindow.get()) >= 0) {
                window.problems().error(window.valueLocation("shortWindow"), "the short window "
                        + Durations.format(shortWindow.get()) + " is not shorter than the long window "
                        + Durations.format(longWindow.get()), "a short window below the long one", "");
                return Optional.empty();
            }
            return percent.filter(p -> p.signum() > 0 && p.compareTo(BigDecimal.valueOf(100)) <= 0)
                    .flatMap(p -> shortWindow.flatMap(s -> longWindow.map(l ->
                            new AlertWindows.Window(p.doubleValue(), s, l))));
        });
    }

    private static Optional<Duration> duration(Fields fields, String key) {
        Optional<String> text = fields.requireText(key, "a duration such as 1h or 30d");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (Durations.parse(text.get()) instanceof Parsed.Ok<Duration> ok && !ok.value().isZero()) {
            return Optional.of(ok.value());
        }
        fields.problems().error(fields.valueLocation(key), "\"" + text.get() + "\" is not a duration",
                "a duration such as 5m, 1h or 30d", "");
        return Optional.empty();
    }
}
