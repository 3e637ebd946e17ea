class Quota {
    private long remaining;

    void refresh(java.util.function.LongSupplier source) {
        try {
            remaining = source.getAsLong();
        } catch (Exception e) { remaining = 0; } // expect: java/exception-swallowed
    }
}
