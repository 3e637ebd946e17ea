package corpus.blocking.inferred;

import com.example.datastore.Datastore;

import java.util.concurrent.ExecutionException;

class LedgerWriter extends BaseWriter {
    private final Datastore datastore;

    LedgerWriter(Datastore datastore) {
        this.datastore = datastore;
    }

    // The commit's future type lives in a jar the audit does not read; the ExecutionException it must handle says
    // it is a future all the same.
    void save(String entry) {
        try {
            datastore.newTransaction().put(entry).commit().get(); // expect: java/blocking-without-deadline
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("commit failed", e);
        }
    }

    // `flushed` is a field of the superclass, declared in another file: an interruptible wait by its exception.
    void flush() throws InterruptedException {
        requestFlush();
        flushed.await(); // expect: java/blocking-without-deadline
    }
}
