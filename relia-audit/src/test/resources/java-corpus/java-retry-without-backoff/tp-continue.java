import java.io.IOException;

class Continues {
    String call(Client client) throws IOException {
        for (int i = 0; i < 10; i++) { // expect: java/retry-without-backoff
            String answer;
            try {
                answer = client.fetch();
            } catch (IOException e) {
                continue;
            }
            return answer;
        }
        throw new IOException("no answer");
    }

    interface Client {
        String fetch() throws IOException;
    }
}
