class Shutdown {
    void stop(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            /* closing during shutdown; nothing useful left to do */
        }
    }
}
