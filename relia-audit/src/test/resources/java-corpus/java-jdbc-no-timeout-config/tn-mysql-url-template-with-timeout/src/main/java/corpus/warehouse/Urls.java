package corpus.warehouse;

/** Formats the warehouse URL; the template carries the read timeout, so the project does set one. */
final class Urls {
    private Urls() {
    }

    static String warehouse(String host, String schema, long socketTimeoutMillis) {
        return String.format("jdbc:mysql://%s/%s?socketTimeout=%s", host, schema, socketTimeoutMillis);
    }
}
