package io.relia.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The process's standard output or error, telling a closed pipe from a failed write. When the reader of a pipe goes
 * away ({@code relia review | head}), the rest of the output is dropped without a word and the command ends as it
 * would have, the way {@code git log | head} does; any other failure (a full disk, {@code /dev/full}) is kept so that
 * {@link Main} can report it and exit 3.
 */
final class StandardStream extends OutputStream {

    /** File type bits of {@code st_mode} (POSIX {@code S_IFMT}), and the types that are pipes to another process. */
    private static final int TYPE_BITS = 0170000;
    private static final int FIFO = 0010000;
    private static final int SOCKET = 0140000;

    private final OutputStream out;
    private final int fd;
    private volatile boolean readerGone;
    private volatile IOException failure;

    StandardStream(OutputStream out, int fd) {
        this.out = out;
        this.fd = fd;
    }

    /** File descriptor 1. */
    static StandardStream output() {
        return new StandardStream(new FileOutputStream(FileDescriptor.out), 1);
    }

    /** File descriptor 2. */
    static StandardStream error() {
        return new StandardStream(new FileOutputStream(FileDescriptor.err), 2);
    }

    /** A buffered UTF-8 print stream over this stream. */
    PrintStream printStream() {
        return new PrintStream(new BufferedOutputStream(this, 8192), false, StandardCharsets.UTF_8);
    }

    /** The write failure that was not a closed pipe, if one happened. */
    Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    /** True once a write found the reader of the pipe gone; later output is dropped. */
    boolean readerGone() {
        return readerGone;
    }

    @Override
    public void write(int b) throws IOException {
        if (!readerGone) {
            try {
                out.write(b);
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (!readerGone) {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        if (!readerGone) {
            try {
                out.flush();
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    private void failed(IOException e) throws IOException {
        if (isClosedPipe(e)) {
            readerGone = true;
            return;
        }
        if (failure == null) {
            failure = e;
        }
        throw e;
    }

    /**
     * EPIPE. Java gives no errno, and the message is the C library's, which may be translated; but a write to a pipe
     * or socket can only fail because its reader left, so the type of the descriptor decides when the text does not.
     */
    private boolean isClosedPipe(IOException e) {
        if ("Broken pipe".equals(e.getMessage())) {
            return true;
        }
        try {
            int mode = (Integer) Files.getAttribute(Path.of("/dev/fd/" + fd), "unix:mode");
            int type = mode & TYPE_BITS;
            return type == FIFO || type == SOCKET;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException unknown) {
            // no such view on this platform: only the message can tell
            return false;
        }
    }
}
