package io.relia.load.capacity;

import java.util.List;
import java.util.Objects;

/**
 * The result of planning a {@link CapacityConfig}: one analysis per resource, in the plan's order.
 *
 * @param config    the plan
 * @param resources each resource's analysis
 */
public record CapacityAnalysis(CapacityConfig config, List<ResourceAnalysis> resources) {

    public CapacityAnalysis {
        Objects.requireNonNull(config, "config");
        resources = List.copyOf(resources);
    }
}
