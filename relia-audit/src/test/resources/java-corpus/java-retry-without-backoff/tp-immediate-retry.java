import java.io.IOException;

class Immediate {
    String call(Client client) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // expect: java/retry-without-backoff
            try {
                return client.fetch();
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    interface Client {
        String fetch() throws IOException;
    }
}
