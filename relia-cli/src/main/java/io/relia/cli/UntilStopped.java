package io.relia.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a serving command (the chaos proxy, relia serve) running until Ctrl-C or SIGTERM, then stops it cleanly. */
final class UntilStopped {

    private UntilStopped() {
    }

    /** Blocks until the JVM is asked to exit; {@code stop} runs in the shutdown hook and must release everything. */
    static void await(String name, Runnable stop) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, name + "-shutdown"));
        try {
            // relia:ignore java/blocking-without-deadline -- this command's job is to wait for Ctrl-C or SIGTERM
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
