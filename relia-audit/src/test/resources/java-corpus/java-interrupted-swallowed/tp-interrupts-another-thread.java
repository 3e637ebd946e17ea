class Other {
    void stop(Thread worker) {
        try {
            worker.join(1_000);
        } catch (InterruptedException e) { // expect: java/interrupted-swallowed
            worker.interrupt();
        }
    }
}
