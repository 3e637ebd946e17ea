package corpus.blocking.mainwaits;

import java.util.concurrent.CountDownLatch;

/**
 * A server's main thread waits for the server to stop: that wait is what keeps the program alive, and a shutdown
 * hook or an admin command ends it. Neither wait is reached from anywhere but main.
 */
public final class RelayMain {
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Thread acceptor;

    public static void main(String[] args) throws Exception {
        RelayMain main = new RelayMain();
        main.run(args);
    }

    private void run(String[] args) throws InterruptedException {
        acceptor = new Thread(() -> accept(args), "acceptor");
        acceptor.start();
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        stopped.await();
        acceptor.join();
    }

    private void accept(String[] args) {
        System.out.println(args.length);
    }
}
