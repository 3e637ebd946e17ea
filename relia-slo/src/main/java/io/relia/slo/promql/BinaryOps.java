package io.relia.slo.promql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Binary operators between scalars and vectors, with Prometheus' vector matching ({@code on}, {@code group_left}). */
final class BinaryOps {

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");
    private static final Set<String> SET_OPS = Set.of("and", "or", "unless");

    private BinaryOps() {
    }

    static Value apply(Expr.Binary binary, Value left, Value right, int steps) throws PromQlSyntaxException {
        String op = binary.op();
        if (SET_OPS.contains(op)) {
            if (!(left instanceof Value.Vector l) || !(right instanceof Value.Vector r)) {
                throw new PromQlSyntaxException("set operator \"" + op + "\" not allowed in binary scalar "
                        + "expression", 0);
            }
            return setOperation(op, l, r, binary.matching(), steps);
        }
        boolean comparison = COMPARISONS.contains(op);
        if (left instanceof Value.Scalar l && right instanceof Value.Scalar r) {
            if (comparison && !binary.returnBool()) {
                throw new PromQlSyntaxException("comparisons between scalars must use BOOL modifier", 0);
            }
            double[] values = new double[steps];
            for (int i = 0; i < steps; i++) {
                values[i] = compute(op, l.values()[i], r.values()[i], binary.returnBool());
            }
            return new Value.Scalar(values);
        }
        if (left instanceof Value.Vector l && right instanceof Value.Scalar r) {
            return vectorScalar(op, l, r.values(), false, binary.returnBool(), steps);
        }
        if (left instanceof Value.Scalar l && right instanceof Value.Vector r) {
            return vectorScalar(op, r, l.values(), true, binary.returnBool(), steps);
        }
        if (left instanceof Value.Vector l && right instanceof Value.Vector r) {
            return vectorVector(binary, l, r, steps);
        }
        throw new PromQlSyntaxException("operator \"" + op + "\" needs numbers or vectors on both sides", 0);
    }

    private static Value.Vector vectorScalar(String op, Value.Vector vector, double[] scalar, boolean scalarLeft,
                                             boolean returnBool, int steps) {
        boolean comparison = COMPARISONS.contains(op);
        List<Value.Series> result = new ArrayList<>();
        for (Value.Series series : vector.series()) {
            double[] values = new double[steps];
            for (int i = 0; i < steps; i++) {
                double v = series.values()[i];
                if (Double.isNaN(v)) {
                    values[i] = Double.NaN;
                    continue;
                }
                double a = scalarLeft ? scalar[i] : v;
                double b = scalarLeft ? v : scalar[i];
                values[i] = comparison && !returnBool ? (holds(op, a, b) ? v : Double.NaN)
                        : compute(op, a, b, returnBool);
            }
            boolean keepName = comparison && !returnBool;
            result.add(new Value.Series(keepName ? series.labels() : Value.withoutName(series.labels()), values));
        }
        return new Value.Vector(result);
    }

    private static Value.Vector vectorVector(Expr.Binary binary, Value.Vector left, Value.Vector right, int steps)
            throws PromQlSyntaxException {
        Expr.Matching matching = binary.matching();
        boolean comparison = COMPARISONS.contains(binary.op());
        boolean manyToOne = matching.card() == Expr.Matching.Card.MANY_TO_ONE;
        boolean oneToMany = matching.card() == Expr.Matching.Card.ONE_TO_MANY;
        List<Value.Series> many = oneToMany ? right.series() : left.series();
        List<Value.Series> one = oneToMany ? left.series() : right.series();
        Map<SortedMap<String, String>, List<Value.Series>> oneBySignature = new HashMap<>();
        for (Value.Series series : one) {
            oneBySignature.computeIfAbsent(signature(series.labels(), matching), k -> new ArrayList<>()).add(series);
        }
        Map<SortedMap<String, String>, Value.Series> output = new java.util.LinkedHashMap<>();
        for (Value.Series series : many) {
            List<Value.Series> partners = oneBySignature.get(signature(series.labels(), matching));
            if (partners == null) {
                continue;
            }
            for (Value.Series partner : partners) {
                SortedMap<String, String> labels = resultLabels(series.labels(), partner.labels(), matching,
                        comparison && !binary.returnBool(), manyToOne || oneToMany);
                double[] values = output.computeIfAbsent(labels, k -> new Value.Series(k, nanArray(steps)))
                        .values();
                for (int i = 0; i < steps; i++) {
                    double m = series.values()[i];
                    double o = partner.values()[i];
                    if (Double.isNaN(m) || Double.isNaN(o)) {
                        continue;
                    }
                    if (!Double.isNaN(values[i])) {
                        throw new PromQlSyntaxException("found duplicate series for the match group "
                                + signature(series.labels(), matching) + " on the "
                                + (oneToMany ? "left" : "right") + " hand-side of the operation; many-to-many "
                                + "matching not allowed: matching labels must be unique on one side", 0);
                    }
                    double a = oneToMany ? o : m;
                    double b = oneToMany ? m : o;
                    values[i] = comparison && !binary.returnBool() ? (holds(binary.op(), a, b) ? a : Double.NaN)
                            : compute(binary.op(), a, b, binary.returnBool());
                }
            }
        }
        return new Value.Vector(new ArrayList<>(output.values()));
    }

    private static SortedMap<String, String> resultLabels(SortedMap<String, String> many,
                                                          SortedMap<String, String> one, Expr.Matching matching,
                                                          boolean keepName, boolean grouped) {
        SortedMap<String, String> labels = new TreeMap<>(many);
        if (!keepName) {
            labels.remove("__name__");
        }
        if (grouped) {
            for (String name : matching.include()) {
                String value = one.get(name);
                if (value == null) {
                    labels.remove(name);
                } else {
                    labels.put(name, value);
                }
            }
            return labels;
        }
        if (matching.on()) {
            labels.keySet().retainAll(Set.copyOf(matching.labels()));
        } else {
            matching.labels().forEach(labels::remove);
        }
        return labels;
    }

    private static Value.Vector setOperation(String op, Value.Vector left, Value.Vector right,
                                             Expr.Matching matching, int steps) {
        Map<SortedMap<String, String>, boolean[]> rightPresence = presence(right, matching, steps);
        List<Value.Series> result = new ArrayList<>();
        for (Value.Series series : left.series()) {
            boolean[] present = rightPresence.get(signature(series.labels(), matching));
            if (op.equals("or")) {
                result.add(series);
                continue;
            }
            double[] values = series.values().clone();
            for (int i = 0; i < steps; i++) {
                boolean matched = present != null && present[i];
                if (op.equals("and") != matched) {
                    values[i] = Double.NaN;
                }
            }
            result.add(new Value.Series(series.labels(), values));
        }
        if (op.equals("or")) {
            Map<SortedMap<String, String>, boolean[]> leftPresence = presence(left, matching, steps);
            for (Value.Series series : right.series()) {
                boolean[] present = leftPresence.get(signature(series.labels(), matching));
                double[] values = series.values().clone();
                for (int i = 0; i < steps; i++) {
                    if (present != null && present[i]) {
                        values[i] = Double.NaN;
                    }
                }
                result.add(new Value.Series(series.labels(), values));
            }
        }
        return new Value.Vector(result);
    }

    private static Map<SortedMap<String, String>, boolean[]> presence(Value.Vector vector, Expr.Matching matching,
                                                                     int steps) {
        Map<SortedMap<String, String>, boolean[]> presence = new HashMap<>();
        for (Value.Series series : vector.series()) {
            boolean[] present = presence.computeIfAbsent(signature(series.labels(), matching), k -> new boolean[steps]);
            for (int i = 0; i < steps; i++) {
                present[i] |= !Double.isNaN(series.values()[i]);
            }
        }
        return presence;
    }

    private static SortedMap<String, String> signature(SortedMap<String, String> labels, Expr.Matching matching) {
        SortedMap<String, String> signature = new TreeMap<>();
        if (matching.on()) {
            for (String name : matching.labels()) {
                String value = labels.get(name);
                if (value != null) {
                    signature.put(name, value);
                }
            }
            return signature;
        }
        signature.putAll(labels);
        signature.remove("__name__");
        matching.labels().forEach(signature::remove);
        return signature;
    }

    private static double[] nanArray(int steps) {
        double[] values = new double[steps];
        java.util.Arrays.fill(values, Double.NaN);
        return values;
    }

    private static boolean holds(String op, double a, double b) {
        return switch (op) {
            case "==" -> a == b;
            case "!=" -> a != b;
            case "<" -> a < b;
            case ">" -> a > b;
            case "<=" -> a <= b;
            case ">=" -> a >= b;
            default -> throw new IllegalStateException(op);
        };
    }

    private static double compute(String op, double a, double b, boolean returnBool) {
        if (COMPARISONS.contains(op)) {
            return holds(op, a, b) ? 1 : 0;
        }
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            case "%" -> a % b;
            case "^" -> Math.pow(a, b);
            case "atan2" -> Math.atan2(a, b);
            default -> throw new IllegalStateException(op);
        };
    }
}
