package io.relia.slo.status;

import io.relia.core.InputException;
import io.relia.core.Problem;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;
import io.relia.core.spec.SpecSchema;
import io.relia.core.value.Parsed;
import io.relia.core.value.Ratio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads an error-budget policy file ({@code schemas/policy.schema.json}); what it leaves out keeps the default. */
public final class BudgetPolicyReader {

    private BudgetPolicyReader() {
    }

    /** Reads {@code file}; every problem, located, in one {@link InputException}. */
    public static BudgetPolicy read(Path file) {
        LoadResult loaded = SpecLoader.load(file);
        if (loaded.hasErrors() || loaded.file().isEmpty()) {
            throw new InputException(loaded.problems());
        }
        List<Problem> problems = new ArrayList<>();
        if (loaded.file().get().documents().size() != 1) {
            throw new InputException(Problem.error(io.relia.core.Location.wholeFile(file),
                    "a policy file holds one YAML document", "one document", ""));
        }
        Node root = loaded.file().get().documents().getFirst().root();
        problems.addAll(SpecSchema.named("policy").validate(root));
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(problems);
        }
        if (!(root instanceof MapNode map)) {
            return BudgetPolicy.DEFAULT;
        }
        BudgetPolicy defaults = BudgetPolicy.DEFAULT;
        Optional<MapNode> states = map.map("states");
        double warning = states.flatMap(s -> ratio(s, "warning_at", problems)).orElse(defaults.warningAt());
        double critical = states.flatMap(s -> ratio(s, "critical_below", problems)).orElse(defaults.criticalBelow());
        if (critical > warning) {
            problems.add(Problem.error(states.get().locationOf("critical_below"), "critical_below ("
                    + percent(critical) + ") is above warning_at (" + percent(warning) + ")",
                    "critical_below <= warning_at", "a budget turns warning before it turns critical"));
        }
        Optional<MapNode> freeze = map.map("freeze");
        Set<BudgetState> freezeStates = freeze.flatMap(f -> f.list("when")).map(BudgetPolicyReader::states)
                .orElse(defaults.freezeStates());
        boolean onPage = freeze.flatMap(f -> bool(f, "on_page_alert")).orElse(defaults.freezeOnPage());
        boolean onNoData = freeze.flatMap(f -> bool(f, "on_no_data")).orElse(defaults.freezeOnNoData());
        boolean allowFixes = map.text("reliability_fixes").map("allow"::equals)
                .orElse(defaults.allowReliabilityFixes());
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InputException(problems);
        }
        return new BudgetPolicy(warning, critical, freezeStates, onPage, allowFixes, onNoData, file.toString());
    }

    private static Optional<Double> ratio(MapNode map, String key, List<Problem> problems) {
        Optional<String> text = map.text(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Parsed<Ratio> parsed = Ratio.parse(text.get());
        return switch (parsed) {
            case Parsed.Ok<Ratio> ok -> Optional.of(ok.value().asDouble());
            case Parsed.Invalid<Ratio> invalid -> {
                problems.add(invalid.problemAt(map.get(key).map(Node::location).orElse(map.location())));
                yield Optional.empty();
            }
        };
    }

    private static Optional<Boolean> bool(MapNode map, String key) {
        return map.text(key).map(Boolean::parseBoolean);
    }

    private static Set<BudgetState> states(ListNode list) {
        Set<BudgetState> states = EnumSet.noneOf(BudgetState.class);
        for (Node item : list.items()) {
            if (item instanceof ScalarNode scalar) {
                states.add(BudgetState.valueOf(scalar.text().toUpperCase(Locale.ROOT)));
            }
        }
        return states;
    }

    private static String percent(double ratio) {
        return new java.math.BigDecimal(Double.toString(ratio * 100)).stripTrailingZeros().toPlainString() + "%";
    }
}
