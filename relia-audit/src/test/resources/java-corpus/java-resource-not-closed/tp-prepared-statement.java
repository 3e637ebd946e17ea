import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

class Orders {
    private final Connection connection;

    Orders(Connection connection) {
        this.connection = connection;
    }

    void cancel(long id) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("update orders set state = 'X' where id = ?"); // expect: java/resource-not-closed
        statement.setLong(1, id);
        statement.executeUpdate();
    }
}
