package shop;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

// Test code: get() inside when(...) declares a stub's answer; nothing waits on a real future here.
class QuoteClientTest {

    @Test
    @SuppressWarnings("unchecked")
    void readsTheQuoteOfTheFuture() throws Exception {
        Future<String> pending = mock(Future.class);
        when(pending.get()).thenReturn("42");
        new QuoteReader().read(pending);
    }
}
