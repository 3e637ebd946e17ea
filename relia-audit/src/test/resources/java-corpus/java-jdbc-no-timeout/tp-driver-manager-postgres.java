import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

class OrderRepository {
    private final String user;
    private final String password;

    OrderRepository(String user, String password) {
        this.user = user;
        this.password = password;
    }

    int countOpen() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://orders-db:5432/orders?ssl=true&ApplicationName=orders", // expect: java/jdbc-no-timeout
                user, password);
             PreparedStatement statement = connection.prepareStatement("select count(*) from orders where open");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
