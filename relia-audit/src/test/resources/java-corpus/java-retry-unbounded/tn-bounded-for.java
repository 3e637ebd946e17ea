import java.io.IOException;

class BoundedFor {
    String call(Client client) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return client.fetch();
            } catch (IOException e) {
                Thread.sleep(100L << attempt);
            }
        }
        throw new IOException("gave up");
    }

    interface Client {
        String fetch() throws IOException;
    }
}
