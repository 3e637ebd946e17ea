package io.relia.core.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Passes a stream through until more than a cap of bytes has been read, then fails every read. */
final class CappedInputStream extends FilterInputStream {

    private final long maxBytes;
    private final Supplier<IOException> overrun;
    private long read;

    CappedInputStream(InputStream in, long maxBytes, Supplier<IOException> overrun) {
        super(in);
        this.maxBytes = maxBytes;
        this.overrun = overrun;
    }

    @Override
    public int read() throws IOException {
        int next = super.read();
        if (next >= 0) {
            count(1);
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Asks for at most one byte past the cap, so that an endless source is never read further.
        int asked = (int) Math.min(length, Math.max(1, maxBytes + 1 - read));
        int got = super.read(buffer, offset, asked);
        if (got > 0) {
            count(got);
        }
        return got;
    }

    @Override
    public long skip(long count) throws IOException {
        long skipped = super.skip(Math.min(count, Math.max(0, maxBytes + 1 - read)));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long bytes) throws IOException {
        read += bytes;
        if (read > maxBytes) {
            throw overrun.get();
        }
    }
}
