import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

class ShardConnections {
    private final String host;
    private final int port;
    private final String schema;

    ShardConnections(String host, int port, String schema) {
        this.host = host;
        this.port = port;
        this.schema = schema;
    }

    // the URL is put together here, so its parameters are all visible: neither timeout is among them
    Connection open(boolean compress, String user, String password) throws SQLException {
        String url = "jdbc:mysql://" + host + ":" + port + "/" + schema; // expect: java/jdbc-no-timeout
        if (compress) {
            url += "?useCompression=true";
        }
        return DriverManager.getConnection(url, user, password);
    }

    // connectTimeout alone still leaves reads unbounded
    Connection openAdmin(String user, String password) throws SQLException {
        String url = "jdbc:mysql://" + host + ":" + port + "/mysql?connectTimeout=5000"; // expect: java/jdbc-no-timeout
        return DriverManager.getConnection(url, user, password);
    }
}
