import java.io.IOException;

class Deadline {
    String call(Client client) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long delay = 100;
        for (;;) {
            try {
                return client.fetch();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(delay);
                delay *= 2;
            }
        }
    }

    interface Client {
        String fetch() throws IOException;
    }
}
