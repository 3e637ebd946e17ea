package corpus.index;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * An index whose database URL comes from the deployment's settings: the sources cannot tell which driver it names,
 * and nothing in the project bounds the connect.
 */
final class EventIndex {
    private final String url;

    EventIndex(Properties settings) {
        this.url = settings.getProperty("index.url");
    }

    Connection open() throws SQLException {
        return DriverManager.getConnection(url); // expect: java/jdbc-no-timeout
    }

    Connection openAs(String jdbcUrl, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password); // expect: java/jdbc-no-timeout
    }
}
