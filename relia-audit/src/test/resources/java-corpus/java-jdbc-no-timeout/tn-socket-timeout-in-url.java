import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

class BillingDatabase {
    private static final String URL =
            "jdbc:postgresql://billing-db:5432/billing?connectTimeout=5&socketTimeout=30&tcpKeepAlive=true";

    Connection open(String user, String password) throws SQLException {
        return DriverManager.getConnection(URL, user, password);
    }

    Connection openReplica(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://billing-replica:3306/billing?connectTimeout=3000&socketTimeout=30000",
                user, password);
    }
}
