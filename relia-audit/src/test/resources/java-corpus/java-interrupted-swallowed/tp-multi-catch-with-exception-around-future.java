import java.util.concurrent.TimeUnit;

class RemoteLookup {
    interface Reply<T> extends java.util.concurrent.Future<T> {
    }

    String answer(Reply<String> reply) {
        String value = "";
        try {
            value = reply.get(2, TimeUnit.SECONDS);
        } catch (AssertionError | Exception e) { // expect: java/interrupted-swallowed
            value = "unknown";
        }
        return value;
    }
}
