package io.relia.core.review;

import java.time.Clock;
import java.time.LocalDate;

/**
 * What an analyzer gets: the discovered inputs and a clock (tests fix "today" to keep dates deterministic).
 *
 * @param inventory the service's inputs, found by content
 * @param clock     the clock for "today" and ages
 */
public record ReviewContext(ServiceInventory inventory, Clock clock) {

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
