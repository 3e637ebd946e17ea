package io.relia.slo.promql;

import io.relia.slo.offline.RecordedSeries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Recorded series with their precomputed sums, and the series each selector matched (looked up once). */
final class Store {

    private final List<Samples> all;
    private final Map<List<Expr.Matcher>, List<Samples>> selections = new ConcurrentHashMap<>();

    Store(List<RecordedSeries> series) {
        List<Samples> samples = new ArrayList<>(series.size());
        for (RecordedSeries one : series) {
            samples.add(new Samples(one.labels(), one.timestamps(), one.values()));
        }
        this.all = List.copyOf(samples);
    }

    List<Samples> select(List<Expr.Matcher> matchers) {
        return selections.computeIfAbsent(matchers, key -> all.stream().filter(s -> matchesAll(key, s)).toList());
    }

    private static boolean matchesAll(List<Expr.Matcher> matchers, Samples samples) {
        for (Expr.Matcher matcher : matchers) {
            if (!matcher.matches(samples.labels.get(matcher.name()))) {
                return false;
            }
        }
        return true;
    }
}
