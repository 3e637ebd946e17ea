package io.relia.chaos.proxy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One toxic as the API describes it. Every attribute of its type is present (0 when not given), because
 * Toxiproxy clients read them all back, and inside its range ({@link ToxicType.Attribute}), so no stage computes
 * with a value that overflows.
 *
 * @param toxicity share of connection directions it applies to, ratio 0..1, rolled once per link
 * @param scope    Relia's extension narrowing which connections it applies to
 */
record ToxicSpec(String name, ToxicType type, Stream stream, double toxicity, Map<String, Number> attributes,
                 Scope scope) {

    ToxicSpec {
        if (!(toxicity >= 0.0 && toxicity <= 1.0)) {
            throw new IllegalArgumentException("toxicity: expected a number between 0 and 1, got " + toxicity);
        }
        Map<String, Number> complete = new LinkedHashMap<>();
        for (ToxicType.Attribute attribute : type.attributes()) {
            Number value = attributes.get(attribute.name());
            if (value == null) {
                value = attribute.isRatio() ? (Number) 0.0 : (Number) 0L;
            }
            if (!attribute.allows(value)) {
                throw new IllegalArgumentException("attributes." + attribute.name() + ": expected "
                        + attribute.expected() + ", got " + value);
            }
            complete.put(attribute.name(), value);
        }
        attributes = Collections.unmodifiableMap(complete);
    }

    long integer(String attribute) {
        return attributes.get(attribute).longValue();
    }

    double ratio(String attribute) {
        return attributes.get(attribute).doubleValue();
    }
}
