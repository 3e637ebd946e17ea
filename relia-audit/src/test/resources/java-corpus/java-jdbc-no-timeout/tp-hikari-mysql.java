import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

final class Pools {
    static DataSource inventory(String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:mysql://inventory-db:3306/inventory?useSSL=true&connectTimeout=2000"); // expect: java/jdbc-no-timeout
        config.setUsername("inventory");
        config.setPassword(password);
        config.setMaximumPoolSize(20);
        config.setConnectionTimeout(2_000);
        return new HikariDataSource(config);
    }
}
