import java.io.IOException;

class Forever {
    String call(Client client) throws InterruptedException {
        long delay = 100;
        while (true) { // expect: java/retry-unbounded
            try {
                return client.fetch();
            } catch (IOException e) {
                Thread.sleep(delay);
                delay = Math.min(delay * 2, 30_000);
            }
        }
    }

    interface Client {
        String fetch() throws IOException;
    }
}
