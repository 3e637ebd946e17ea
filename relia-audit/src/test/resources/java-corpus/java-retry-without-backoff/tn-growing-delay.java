import java.io.IOException;

class Growing {
    String call(Client client) throws IOException, InterruptedException {
        long delay = 100;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return client.fetch();
            } catch (IOException e) {
                Thread.sleep(delay);
                delay = Math.min(delay * 2, 5_000);
            }
        }
        throw new IOException("gave up");
    }

    interface Client {
        String fetch() throws IOException;
    }
}
