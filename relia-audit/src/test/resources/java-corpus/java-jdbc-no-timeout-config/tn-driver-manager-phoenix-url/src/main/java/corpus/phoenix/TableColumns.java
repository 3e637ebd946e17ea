package corpus.phoenix;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A URL from the job's settings, but no MySQL anywhere in the project: Phoenix (like the embedded databases) bounds
 * its calls with its own client settings, so an unknown URL alone is no finding.
 */
final class TableColumns {
    Connection open(String connectionString) throws SQLException {
        Properties settings = new Properties();
        settings.put("phoenix.schema.isNamespaceMappingEnabled", "true");
        return DriverManager.getConnection(connectionString, settings);
    }
}
