package shop;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Production code named like a test: a class in src/main ships whatever its name, so it is audited.
public class LoadTest {

    private final ExecutorService probes = Executors.newCachedThreadPool(); // expect: java/unbounded-executor

    public void probe(Runnable check) {
        probes.submit(check);
    }
}
