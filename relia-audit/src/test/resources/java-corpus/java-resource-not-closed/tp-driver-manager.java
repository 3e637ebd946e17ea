import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

class Ping {
    boolean ping(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url); // expect: java/resource-not-closed
        return connection.isValid(2);
    }
}
