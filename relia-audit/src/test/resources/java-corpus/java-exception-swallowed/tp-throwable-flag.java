class Health {
    boolean healthy(Runnable probe) {
        try {
            probe.run();
            return true;
        } catch (Throwable t) { return false; } // expect: java/exception-swallowed
    }
}
