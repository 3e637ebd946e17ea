package io.relia.incident.store;

import io.relia.incident.IncidentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The store's rules on a real PostgreSQL (Debian's), one fresh database per test. */
@Tag("integration")
class PostgresStoreRulesTest extends StoreRulesContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    static Path workDirectory;

    private static PostgresServer server;

    private String database;

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
        database = "rules_" + DATABASES.incrementAndGet();
        return IncidentStores.open(new StoreLocation.Postgres(server.createDatabase(database), server.user(), ""));
    }

    @Override
    void rawSql(String sql) throws Exception {
        try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql.replace("char(13)", "chr(13)"));
        }
    }
}
