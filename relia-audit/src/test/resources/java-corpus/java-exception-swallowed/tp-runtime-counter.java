class Counter {
    private int failures;

    void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) { failures++; } // expect: java/exception-swallowed
    }
}
