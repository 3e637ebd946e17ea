package io.relia.load.capacity;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the per-instance capacity from a {@code relia load find-max} JSON result: {@code knee.rate}, the highest
 * request rate (req/s) one instance held within its SLO. The rest of the file ({@code slo}, steps) is not needed.
 */
public final class FindMaxResult {

    private FindMaxResult() {
    }

    /** {@code knee.rate} of {@code file} in req/s; problems are thrown as an {@link InputException}. */
    public static double kneeRate(Path file) {
        Problems problems = new Problems();
        OptionalDouble rate = kneeRate(file, problems);
        if (rate.isEmpty()) {
            throw new InputException(problems.sorted());
        }
        return rate.getAsDouble();
    }

    /** {@code knee.rate} of {@code file} in req/s; empty after adding located problems. */
    public static OptionalDouble kneeRate(Path file, Problems problems) {
        LoadResult loaded = SpecLoader.load(file);
        if (loaded.file().isEmpty() || loaded.hasErrors()) {
            problems.addAll(loaded.problems());
            return OptionalDouble.empty();
        }
        Node root = loaded.file().get().documents().getFirst().root();
        Optional<MapNode> knee = root instanceof MapNode map ? map.map("knee") : Optional.empty();
        if (knee.isEmpty()) {
            problems.error(root instanceof MapNode ? root.location() : new Location(file.toString(), 1, 1),
                    "no knee in the find-max result", "{\"knee\": {\"rate\": REQ_PER_S, ...}, ...}",
                    "the search found no rate within the SLO, or this is not a relia load find-max result");
            return OptionalDouble.empty();
        }
        Optional<Node> rate = knee.get().get("rate");
        Optional<java.math.BigDecimal> number = rate.flatMap(node -> node instanceof ScalarNode scalar
                ? scalar.asNumber() : Optional.empty());
        if (number.isEmpty() || number.get().signum() <= 0) {
            problems.error(rate.map(Node::location).orElse(knee.get().location()), rate.isEmpty()
                    ? "no knee.rate in the find-max result" : "knee.rate is not a positive number",
                    "\"rate\": requests per second, e.g. 1234.5", "");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(number.get().doubleValue());
    }
}
