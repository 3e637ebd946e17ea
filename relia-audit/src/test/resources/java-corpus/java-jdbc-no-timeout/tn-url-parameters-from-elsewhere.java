import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

class TenantConnections {
    private final String host;
    private final String options;

    TenantConnections(String host, String options) {
        this.host = host;
        this.options = options;
    }

    // the query string comes from configuration: the timeouts may well be in it
    Connection open(String tenant) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + host + "/" + tenant + "?" + options);
    }

    Connection openWithSettings(String tenant, String connectionSettings) throws SQLException {
        String url = "jdbc:postgresql://" + host + "/" + tenant;
        url += connectionSettings;
        return DriverManager.getConnection(url);
    }

    // PostgreSQL bounds the connect itself (10 s by default): socketTimeout is the one that matters
    Connection reporting() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + "/reports?socketTimeout=60");
    }
}
