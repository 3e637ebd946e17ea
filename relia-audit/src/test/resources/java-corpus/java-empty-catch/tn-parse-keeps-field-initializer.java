/** The port has a default in its declaration; a malformed override leaves it in place. */
class ListenerSettings {
    private int port = 8080;

    void override(String configured) {
        try {
            port = Integer.parseInt(configured);
        } catch (NumberFormatException e) {
        }
    }

    int port() {
        return port;
    }
}
