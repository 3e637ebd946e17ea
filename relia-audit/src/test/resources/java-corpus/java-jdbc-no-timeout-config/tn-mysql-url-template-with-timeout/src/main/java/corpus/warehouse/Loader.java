package corpus.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connects to the URL Urls formatted: unknown here, but built with a timeout elsewhere in the project. */
final class Loader {
    Connection open(String host, String schema) throws SQLException {
        String url = Urls.warehouse(host, schema, 60_000);
        return DriverManager.getConnection(url, "loader", "secret");
    }
}
