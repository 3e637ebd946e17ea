package io.relia.incident.store;

import io.relia.incident.IncidentStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The store's rules on SQLite. */
class SqliteStoreRulesTest extends StoreRulesContract {

    @TempDir
    Path dataDirectory;

    @Override
    IncidentStore openEmptyStore() {
        return IncidentStores.open(new StoreLocation.Sqlite(dataDirectory));
    }

    @Override
    void rawSql(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve("relia.db"));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
