package corpus.index;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * An index whose MySQL URL comes from the deployment's settings; nothing in the project bounds the connect or the
 * reads, and Connector/J's defaults never time out.
 */
final class EventIndex {
    private final String url;

    EventIndex(Properties settings) {
        this.url = settings.getProperty("index.url");
    }

    Connection open() throws SQLException, ClassNotFoundException {
        Class.forName("com.mysql.cj.jdbc.Driver");
        return DriverManager.getConnection(url); // expect: java/jdbc-no-timeout
    }

    Connection openAs(String jdbcUrl, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password); // expect: java/jdbc-no-timeout
    }
}
