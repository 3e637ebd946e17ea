import java.io.IOException;

class ConstantPause {
    String call(Client client) throws IOException, InterruptedException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // expect: java/retry-without-backoff
            try {
                return client.fetch();
            } catch (IOException e) {
                last = e;
                pause();
            }
        }
        throw last;
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(500);
    }

    interface Client {
        String fetch() throws IOException;
    }
}
