import java.util.concurrent.CountDownLatch;

import junit.framework.TestCase;

// A test class by its name, in a tree without src/main and src/test: the build's test timeout bounds the wait.
public class OrderParserTest extends TestCase {

    public void testParsesOnAnotherThread() throws InterruptedException {
        CountDownLatch parsed = new CountDownLatch(1);
        new Thread(() -> {
            new OrderParser().parse("1 x book");
            parsed.countDown();
        }).start();
        parsed.await();
    }
}
