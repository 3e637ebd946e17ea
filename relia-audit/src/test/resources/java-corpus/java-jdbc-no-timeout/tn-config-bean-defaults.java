/**
 * Defaults that are not production URLs without a timeout: an embedded H2 database, a URL that carries its socket
 * timeout, a constant no setter exposes (used nowhere as a connection here), and a read-only value without setter.
 */
public class ReplicaProperties {
    private static final String EXAMPLE = "jdbc:mysql://host:3306/db";
    private String cacheUrl = "jdbc:h2:mem:cache;DB_CLOSE_DELAY=-1";
    private String replicaUrl = "jdbc:mysql://replica:3306/orders?connectTimeout=2000&socketTimeout=30000";
    private final String help = "jdbc:postgresql://host:5432/db";

    public void setCacheUrl(String cacheUrl) {
        this.cacheUrl = cacheUrl;
    }

    public void setReplicaUrl(String replicaUrl) {
        this.replicaUrl = replicaUrl;
    }

    public String describe() {
        return EXAMPLE + " " + help + " " + cacheUrl + " " + replicaUrl;
    }
}
