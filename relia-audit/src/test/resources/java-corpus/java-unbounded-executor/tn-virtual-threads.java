import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

class Virtual {
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
}
