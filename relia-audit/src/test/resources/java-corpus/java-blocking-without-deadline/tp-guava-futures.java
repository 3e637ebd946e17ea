package corpus.blocking.guava;

import com.google.common.util.concurrent.FluentFuture;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;

import java.util.concurrent.ExecutionException;

import static com.google.common.util.concurrent.Uninterruptibles.getUninterruptibly;

class PriceLookup {
    String latest(FluentFuture<String> pending) throws InterruptedException, ExecutionException {
        FluentFuture<String> trimmed = pending.transform(String::trim, Runnable::run);
        return trimmed.get(); // expect: java/blocking-without-deadline
    }

    String unchecked(ListenableFuture<String> quote) {
        return Futures.getUnchecked(quote); // expect: java/blocking-without-deadline
    }

    String patient(ListenableFuture<String> quote) throws ExecutionException {
        return getUninterruptibly(quote); // expect: java/blocking-without-deadline
    }

    String fromHelper() throws InterruptedException, ExecutionException {
        var pending = lookUpAsync("EUR");
        return pending.get(); // expect: java/blocking-without-deadline
    }

    private ListenableFuture<String> lookUpAsync(String currency) {
        return Futures.immediateFuture(currency);
    }
}
