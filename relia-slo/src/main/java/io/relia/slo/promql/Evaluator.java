package io.relia.slo.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Evaluates a parsed expression at every time of a grid, all steps at once, over recorded samples. */
final class Evaluator {

    private final Store store;
    private final long[] times;
    private final Semantics semantics;

    /**
     * Prometheus behaviour that changed between versions or is configurable.
     *
     * @param leftOpenRanges true for Prometheus 3's {@code (t - range, t]} windows, false for 2's {@code [t - range, t]}
     * @param lookback       how far back an instant selector looks for a sample (Prometheus default 5m)
     * @param resolution     default subquery resolution (the global evaluation interval, 1m by default)
     */
    record Semantics(boolean leftOpenRanges, Duration lookback, Duration resolution) {
    }

    Evaluator(Store store, long[] times, Semantics semantics) {
        this.store = store;
        this.times = times;
        this.semantics = semantics;
    }

    Value evaluate(Expr expr) throws PromQlSyntaxException {
        return switch (expr) {
            case Expr.NumberLiteral number -> scalar(number.value());
            case Expr.StringLiteral string -> new Value.Str(string.value());
            case Expr.VectorSelector selector -> instantSelector(selector);
            case Expr.MatrixSelector matrix -> throw new PromQlSyntaxException("a range vector (" + duration(matrix
                    .range()) + ") cannot be a query result; expected an instant vector, e.g. rate(...)", 0);
            case Expr.Subquery sub -> throw new PromQlSyntaxException("a subquery cannot be a query result; expected "
                    + "an instant vector, e.g. max_over_time(...)", 0);
            case Expr.Negation negation -> negate(evaluate(negation.expr()));
            case Expr.Binary binary -> BinaryOps.apply(binary, evaluate(binary.left()), evaluate(binary.right()),
                    times.length);
            case Expr.Aggregate aggregate -> aggregate(aggregate);
            case Expr.Call call -> call(call);
        };
    }

    private Value.Scalar scalar(double value) {
        double[] values = new double[times.length];
        Arrays.fill(values, value);
        return new Value.Scalar(values);
    }

    private Value instantSelector(Expr.VectorSelector selector) {
        long lookback = semantics.lookback().toMillis();
        long offset = selector.offset().toMillis();
        List<Value.Series> result = new ArrayList<>();
        for (Samples samples : store.select(selector.matchers())) {
            Window window = new Window(samples.timestamps, semantics.leftOpenRanges());
            double[] values = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                window.moveTo(times[i] - offset, lookback);
                values[i] = window.count() == 0 ? Double.NaN : samples.values[window.last()];
            }
            result.add(new Value.Series(samples.labels, values));
        }
        return new Value.Vector(result);
    }

    private Value negate(Value value) throws PromQlSyntaxException {
        return switch (value) {
            case Value.Scalar scalar -> new Value.Scalar(Arrays.stream(scalar.values()).map(v -> -v).toArray());
            case Value.Vector vector -> new Value.Vector(vector.series().stream().map(s -> new Value.Series(
                    Value.withoutName(s.labels()), Arrays.stream(s.values()).map(v -> -v).toArray())).toList());
            case Value.Str string -> throw new PromQlSyntaxException("unary minus needs a number or a vector", 0);
        };
    }

    private Value aggregate(Expr.Aggregate aggregate) throws PromQlSyntaxException {
        Value input = evaluate(aggregate.expr());
        if (!(input instanceof Value.Vector vector)) {
            throw new PromQlSyntaxException("expected an instant vector in aggregation \"" + aggregate.op() + "\"",
                    0);
        }
        double[] parameter = aggregate.parameter() == null ? new double[times.length]
                : scalarArgument(aggregate.parameter(), aggregate.op());
        return Aggregations.apply(aggregate, vector, parameter, times.length);
    }

    private Value call(Expr.Call call) throws PromQlSyntaxException {
        String name = call.function();
        List<Expr> args = call.args();
        if (Functions.RANGE.contains(name)) {
            arity(call, 1, 1);
            return rangeFunction(name, args.getFirst());
        }
        if (Functions.VALUE.contains(name)) {
            int extra = switch (name) {
                case "clamp" -> 2;
                case "clamp_min", "clamp_max" -> 1;
                default -> 0;
            };
            arity(call, name.equals("round") ? 1 : 1 + extra, 1 + Math.max(extra, name.equals("round") ? 1 : 0));
            Value.Vector vector = vectorArgument(args.getFirst(), name);
            double[] a = args.size() > 1 ? scalarArgument(args.get(1), name) : scalar(1).values();
            double[] b = args.size() > 2 ? scalarArgument(args.get(2), name) : new double[times.length];
            List<Value.Series> result = new ArrayList<>();
            for (Value.Series series : vector.series()) {
                double[] values = new double[times.length];
                for (int i = 0; i < times.length; i++) {
                    values[i] = Double.isNaN(series.values()[i]) ? Double.NaN
                            : Functions.value(name, series.values()[i], a[i], b[i]);
                }
                result.add(new Value.Series(Value.withoutName(series.labels()), values));
            }
            return new Value.Vector(result);
        }
        return switch (name) {
            case "time" -> {
                arity(call, 0, 0);
                yield new Value.Scalar(Arrays.stream(times).mapToDouble(t -> t / 1000.0).toArray());
            }
            case "vector" -> {
                arity(call, 1, 1);
                yield new Value.Vector(List.of(new Value.Series(new TreeMap<>(), scalarArgument(args.getFirst(),
                        name))));
            }
            case "scalar" -> {
                arity(call, 1, 1);
                yield toScalar(vectorArgument(args.getFirst(), name));
            }
            case "absent" -> {
                arity(call, 1, 1);
                yield absent(args.getFirst());
            }
            case "histogram_quantile" -> {
                arity(call, 2, 2);
                yield Histograms.quantile(scalarArgument(args.getFirst(), name), vectorArgument(args.get(1), name),
                        times.length);
            }
            default -> throw new PromQlSyntaxException("function \"" + name + "\" is not supported offline", 0);
        };
    }

    private Value rangeFunction(String name, Expr argument) throws PromQlSyntaxException {
        List<Samples> inputs;
        long range;
        long offset;
        if (argument instanceof Expr.MatrixSelector matrix) {
            inputs = store.select(matrix.selector().matchers());
            range = matrix.range().toMillis();
            offset = matrix.selector().offset().toMillis();
        } else if (argument instanceof Expr.Subquery sub) {
            inputs = subquery(sub);
            range = sub.range().toMillis();
            offset = sub.offset().toMillis();
        } else {
            throw new PromQlSyntaxException("expected a range vector in call to function \"" + name
                    + "\", e.g. " + name + "(metric[5m])", 0);
        }
        List<Value.Series> result = new ArrayList<>();
        Functions.Range function = Functions.Range.of(name);
        for (Samples samples : inputs) {
            Window window = new Window(samples.timestamps, semantics.leftOpenRanges());
            double[] values = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                long end = times[i] - offset;
                window.moveTo(end, range);
                values[i] = Functions.range(function, samples, window.first(), window.last(), end, range);
            }
            SortedMap<String, String> labels = name.equals("last_over_time") ? samples.labels
                    : Value.withoutName(samples.labels);
            result.add(new Value.Series(labels, values));
        }
        return new Value.Vector(result);
    }

    /** Evaluates a subquery's inner expression at its own resolution, aligned to multiples of it as Prometheus does. */
    private List<Samples> subquery(Expr.Subquery sub) throws PromQlSyntaxException {
        long resolution = (sub.resolution().isZero() ? semantics.resolution() : sub.resolution()).toMillis();
        long from = times[0] - sub.offset().toMillis() - sub.range().toMillis();
        long start = Math.floorDiv(from, resolution) * resolution;
        if (start < from) {
            start += resolution;
        }
        long to = times[times.length - 1] - sub.offset().toMillis();
        int count = (int) ((to - start) / resolution) + 1;
        if (count <= 0 || count > 50_000_000) {
            throw new PromQlSyntaxException("subquery would need " + count + " evaluation steps", 0);
        }
        long[] innerTimes = new long[count];
        for (int i = 0; i < count; i++) {
            innerTimes[i] = start + i * resolution;
        }
        Value inner = new Evaluator(store, innerTimes, semantics).evaluate(sub.expr());
        if (!(inner instanceof Value.Vector vector)) {
            throw new PromQlSyntaxException("a subquery needs an instant vector inside", 0);
        }
        List<Samples> result = new ArrayList<>();
        for (Value.Series series : vector.series()) {
            int present = 0;
            for (double v : series.values()) {
                present += Double.isNaN(v) ? 0 : 1;
            }
            long[] ts = new long[present];
            double[] vs = new double[present];
            int at = 0;
            for (int i = 0; i < count; i++) {
                if (!Double.isNaN(series.values()[i])) {
                    ts[at] = innerTimes[i];
                    vs[at++] = series.values()[i];
                }
            }
            result.add(new Samples(series.labels(), ts, vs));
        }
        return result;
    }

    private Value absent(Expr argument) throws PromQlSyntaxException {
        Value.Vector vector = vectorArgument(argument, "absent");
        double[] values = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            boolean any = false;
            for (Value.Series series : vector.series()) {
                any |= !Double.isNaN(series.values()[i]);
            }
            values[i] = any ? Double.NaN : 1;
        }
        SortedMap<String, String> labels = new TreeMap<>();
        if (argument instanceof Expr.VectorSelector selector) {
            for (Expr.Matcher matcher : selector.matchers()) {
                if (matcher.op().equals("=") && !matcher.name().equals("__name__")) {
                    labels.put(matcher.name(), matcher.value());
                }
            }
        }
        return new Value.Vector(List.of(new Value.Series(labels, values)));
    }

    private Value.Scalar toScalar(Value.Vector vector) {
        double[] values = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            int present = 0;
            double value = Double.NaN;
            for (Value.Series series : vector.series()) {
                if (!Double.isNaN(series.values()[i])) {
                    present++;
                    value = series.values()[i];
                }
            }
            values[i] = present == 1 ? value : Double.NaN;
        }
        return new Value.Scalar(values);
    }

    private double[] scalarArgument(Expr expr, String function) throws PromQlSyntaxException {
        if (evaluate(expr) instanceof Value.Scalar scalar) {
            return scalar.values();
        }
        throw new PromQlSyntaxException("expected a number (scalar) argument in call to \"" + function + "\"", 0);
    }

    private Value.Vector vectorArgument(Expr expr, String function) throws PromQlSyntaxException {
        if (evaluate(expr) instanceof Value.Vector vector) {
            return vector;
        }
        throw new PromQlSyntaxException("expected an instant vector argument in call to \"" + function + "\"", 0);
    }

    private static void arity(Expr.Call call, int min, int max) throws PromQlSyntaxException {
        int n = call.args().size();
        if (n < min || n > max) {
            throw new PromQlSyntaxException("function \"" + call.function() + "\" takes " + (min == max ? min
                    : min + " to " + max) + " argument(s), found " + n, 0);
        }
    }

    private static String duration(Duration duration) {
        return io.relia.core.value.Durations.formatPrometheus(duration);
    }
}
