package io.relia.incident.store;

import io.relia.incident.IncidentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The store contract on a real PostgreSQL (Debian's), one fresh database per test. */
@Tag("integration")
class PostgresIncidentStoreTest extends IncidentStoreContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    static Path workDirectory;

    private static PostgresServer server;

    @BeforeAll
    static void startPostgres() throws Exception {
        server = PostgresServer.start(workDirectory);
    }

    @AfterAll
    static void stopPostgres() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    IncidentStore openEmptyStore() throws Exception {
        String url = server.createDatabase("relia_" + DATABASES.incrementAndGet());
        return IncidentStores.open(new StoreLocation.Postgres(url, server.user(), ""));
    }
}
