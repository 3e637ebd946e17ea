class Sleeper {
    void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) { // expect: java/interrupted-swallowed
            // nothing to do
        }
    }
}
