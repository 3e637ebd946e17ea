class JoinAll {
    void joinAll(Iterable<Thread> threads) {
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join(1_000);
                    break;
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
