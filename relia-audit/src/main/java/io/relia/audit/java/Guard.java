package io.relia.audit.java;

import io.relia.core.Location;

import java.util.Optional;
import java.util.Set;

/**
 * A circuit breaker, library or mesh.
 *
 * @param what   the library and construct ("Resilience4j @CircuitBreaker")
 * @param name   its instance name, or empty
 * @param owner  the class it sits in, or for a mesh the host it covers
 * @param byHost true when {@code owner} is a host
 * @param at     where it is written
 */
record Guard(String what, String name, String owner, boolean byHost, Location at) {

    /** For people: {@code Resilience4j @CircuitBreaker "payments" in PaymentsClient}. */
    String describe() {
        return what + (name.isEmpty() ? "" : " \"" + name + "\"") + (owner.isEmpty() ? ""
                : (byHost ? " for host " : " in ") + owner);
    }

    /** How it guards {@code dependency}, given the classes that call it; empty when it does not. */
    Optional<String> guards(String dependency, Set<String> callers) {
        if (byHost) {
            return DependencyNames.hostMatches(dependency, owner) ? Optional.of("its host") : Optional.empty();
        }
        if (!name.isEmpty() && DependencyNames.matches(dependency, name)) {
            return Optional.of("its name");
        }
        if (!owner.isEmpty() && callers.contains(owner)) {
            return Optional.of("the class " + owner + " that calls it");
        }
        if (!owner.isEmpty() && DependencyNames.matches(dependency, owner)) {
            return Optional.of("its class " + owner + ", named after it");
        }
        return Optional.empty();
    }
}
