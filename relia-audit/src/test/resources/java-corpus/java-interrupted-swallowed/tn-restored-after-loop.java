class Uninterruptible {
    void awaitExit(Process process) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    process.waitFor(); // expect: java/blocking-without-deadline
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
