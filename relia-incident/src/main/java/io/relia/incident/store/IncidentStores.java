package io.relia.incident.store;

import io.relia.incident.IncidentStore;

/** Opens incident stores; the schema is created or migrated on open. */
public final class IncidentStores {

    private IncidentStores() {
    }

    /** Opens (and migrates) the store at {@code location}; throws {@link StoreException} when it cannot. */
    public static IncidentStore open(StoreLocation location) {
        return new JdbcIncidentStore(Database.open(location));
    }
}
