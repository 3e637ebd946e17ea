class Ticker {
    void tick(Runnable action) {
        for (int i = 0; i < 1_000; i++) {
            action.run();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                System.err.println("ticker interrupted after " + i + " ticks");
                break;
            }
        }
    }
}
