import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

class Databases {
    private final DatabaseProperties properties;

    Databases(DatabaseProperties properties) {
        this.properties = properties;
    }

    DataSource primary() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(properties.url()); // socketTimeout comes with the configured URL
        config.setUsername(properties.user());
        config.setPassword(properties.password());
        return new HikariDataSource(config);
    }

    Connection scratch() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:scratch;DB_CLOSE_DELAY=-1", "sa", "");
    }

    String describe() {
        // a message, not a connection
        return "expects a URL like jdbc:postgresql://host:5432/db";
    }
}
