class FlagOnly {
    private volatile boolean stopped;

    void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) { // expect: java/interrupted-swallowed
            stopped = true;
        }
    }
}
