/**
 * A properties bean whose defaults production runs with unless someone overrides them: the default store URL has
 * neither timeout, and nothing of JDBC is imported here (the pool is built elsewhere from the getters).
 */
public class StoreProperties {
    private String driverClass = "com.mysql.cj.jdbc.Driver";
    private String jdbcUrl = "jdbc:mysql://127.0.0.1:3306/store?useSSL=false"; // expect: java/jdbc-no-timeout
    private int maxPoolSize = 20;

    public String getJdbcUrl() {
        return jdbcUrl;
    }

    public void setJdbcUrl(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public String getDriverClass() {
        return driverClass;
    }

    public int getMaxPoolSize() {
        return maxPoolSize;
    }
}
