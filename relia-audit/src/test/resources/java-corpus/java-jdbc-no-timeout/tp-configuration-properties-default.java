import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bound by Spring from audit.datasource.*: with no setter in sight (field binding through a constructor or a
 * framework), the field's value is still the default when the key is not configured.
 */
@ConfigurationProperties(prefix = "audit.datasource")
class AuditDatasource {
    String url = "jdbc:postgresql://audit-db:5432/audit"; // expect: java/jdbc-no-timeout
    int maximumPoolSize = 5;
}
