class Wrapped {
    void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while pausing", e);
        }
    }
}
