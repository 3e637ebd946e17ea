import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

class Dispatcher implements Runnable {
    private final BlockingQueue<String> inbox;

    Dispatcher(BlockingQueue<String> inbox) {
        this.inbox = inbox;
    }

    @Override
    public void run() {
        while (true) {
            try {
                String message = inbox.poll(1, TimeUnit.SECONDS);
                if (message != null) {
                    deliver(message);
                }
            } catch (InterruptedException e) { // expect: java/interrupted-swallowed
                System.err.println("interrupted, polling again");
            }
        }
    }

    private void deliver(String message) {
    }
}
