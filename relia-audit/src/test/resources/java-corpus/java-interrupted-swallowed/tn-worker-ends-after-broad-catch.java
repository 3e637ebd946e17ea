import java.util.concurrent.BlockingQueue;

class Stage extends Thread {
    private final BlockingQueue<String> incoming;

    Stage(BlockingQueue<String> incoming) {
        this.incoming = incoming;
    }

    @Override
    public void run() {
        try {
            while (true) {
                handle(incoming.take()); // the stage waits for its next item by design
            }
        } catch (Exception e) {
            fail(getName(), e);
        }
        System.out.println(getName() + " exited its loop");
    }

    private void handle(String item) {
    }

    private void fail(String stage, Exception cause) {
        System.err.println(stage + " failed: " + cause);
    }
}
