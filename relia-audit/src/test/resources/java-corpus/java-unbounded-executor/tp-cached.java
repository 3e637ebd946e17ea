import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

class Server {
    private final ExecutorService executor = Executors.newCachedThreadPool(); // expect: java/unbounded-executor
}
