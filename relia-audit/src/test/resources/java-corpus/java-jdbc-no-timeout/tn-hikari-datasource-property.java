import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

final class CatalogPool {
    static DataSource create(String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:mysql://catalog-db:3306/catalog");
        config.setUsername("catalog");
        config.setPassword(password);
        config.addDataSourceProperty("socketTimeout", "30000");
        config.addDataSourceProperty("cachePrepStmts", "true");
        return new HikariDataSource(config);
    }
}
