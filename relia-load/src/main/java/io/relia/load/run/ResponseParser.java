package io.relia.load.run;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * An incremental HTTP/1.1 response parser for the load generator's hot path: it finds where each response ends
 * (Content-Length, chunked transfer coding, or the connection's close) and reads the status code and whether the
 * connection stays open, without allocating per response. Bodies are skipped, never copied. Netty's general decoder
 * builds header maps and message objects for every response; here that was a quarter of the client's CPU.
 * Framing follows RFC 9112 §6: 1xx, 204 and 304 responses and answers to HEAD have no body.
 */
final class ResponseParser {
    /** A header line or status line longer than this is a protocol error (no real server sends one). */
    static final int MAX_LINE = 16 * 1024;

    private enum State { STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_CRLF, TRAILERS, UNTIL_CLOSE }

    private byte[] line = new byte[256];
    private int length;
    private State state = State.STATUS;
    private int status;
    private boolean keepAlive;
    private boolean chunked;
    private long contentLength;
    private long remaining;
    private boolean head;

    /** Thrown for a response that is not HTTP/1.x. */
    static final class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message, null, false, false);
        }
    }

    /** Starts waiting for the response to a request; {@code isHead} for HEAD requests. */
    void expect(boolean isHead) {
        head = isHead;
        reset();
    }

    int status() {
        return status;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** Whether the body runs to the end of the connection (no length given). */
    boolean readsUntilClose() {
        return state == State.UNTIL_CLOSE;
    }

    /**
     * Consumes bytes; returns true when a complete final (non-1xx) response has been read. Bytes after the end of the
     * response stay in {@code in} (the caller drops them: without pipelining none should come).
     */
    boolean feed(ByteBuf in) throws ProtocolException {
        while (in.isReadable()) {
            switch (state) {
                case STATUS -> {
                    if (readLine(in)) {
                        parseStatus();
                        state = State.HEADERS;
                    }
                }
                case HEADERS -> {
                    if (readLine(in)) {
                        if (length == 0) {
                            if (endOfHeaders()) {
                                return true;
                            }
                        } else {
                            header();
                        }
                    }
                }
                case BODY -> {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    in.skipBytes(n);
                    remaining -= n;
                    if (remaining == 0) {
                        return true;
                    }
                }
                case CHUNK_SIZE -> {
                    if (readLine(in)) {
                        remaining = chunkSize();
                        state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    in.skipBytes(n);
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.CHUNK_CRLF;
                    }
                }
                case CHUNK_CRLF -> {
                    if (readLine(in)) {
                        if (length != 0) {
                            throw new ProtocolException("chunk data longer than its size");
                        }
                        state = State.CHUNK_SIZE;
                    }
                }
                case TRAILERS -> {
                    if (readLine(in)) {
                        if (length == 0) {
                            return true;
                        }
                        length = 0;
                    }
                }
                case UNTIL_CLOSE -> in.skipBytes(in.readableBytes());
            }
        }
        return false;
    }

    private void reset() {
        state = State.STATUS;
        status = 0;
        keepAlive = true;
        chunked = false;
        contentLength = -1;
        remaining = 0;
        length = 0;
    }

    /** Copies bytes up to LF into {@code line} (without CR LF); true when the line is complete. */
    private boolean readLine(ByteBuf in) throws ProtocolException {
        int start = in.readerIndex();
        int lf = in.forEachByte(ByteProcessor.FIND_LF);
        int end = lf < 0 ? in.writerIndex() : lf;
        int n = end - start;
        if (length + n > MAX_LINE) {
            throw new ProtocolException("a response line longer than " + MAX_LINE + " bytes");
        }
        if (length + n > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        in.getBytes(start, line, length, n);
        length += n;
        if (lf < 0) {
            in.readerIndex(end);
            return false;
        }
        in.readerIndex(lf + 1);
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return true;
    }

    private void parseStatus() throws ProtocolException {
        // HTTP/1.1 200 OK
        if (length < 12 || !startsWith("HTTP/1.") || line[8] != ' ') {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        keepAlive = line[7] != '0';   // HTTP/1.0 closes unless it says keep-alive
        int code = 0;
        for (int i = 9; i < 12; i++) {
            byte c = line[i];
            if (c < '0' || c > '9') {
                throw new ProtocolException("a status code that is not three digits");
            }
            code = code * 10 + (c - '0');
        }
        status = code;
        length = 0;
    }

    private void header() throws ProtocolException {
        int colon = indexOf(':');
        if (colon <= 0) {
            throw new ProtocolException("a header line without a name");
        }
        if (nameIs("content-length", colon)) {
            int i = colon + 1;
            while (i < length && (line[i] == ' ' || line[i] == '\t')) {
                i++;
            }
            int end = length;
            while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
                end--;
            }
            if (i == end) {
                throw new ProtocolException("an empty Content-Length");
            }
            long value = 0;
            for (; i < end; i++) {
                byte c = line[i];
                if (c < '0' || c > '9' || value > (Long.MAX_VALUE - 9) / 10) {
                    throw new ProtocolException("a Content-Length that is not a number");
                }
                value = value * 10 + (c - '0');
            }
            contentLength = value;
        } else if (nameIs("transfer-encoding", colon)) {
            chunked = value(colon).toLowerCase(java.util.Locale.ROOT).endsWith("chunked");
        } else if (nameIs("connection", colon)) {
            String v = value(colon).toLowerCase(java.util.Locale.ROOT);
            if (v.contains("close")) {
                keepAlive = false;
            } else if (v.contains("keep-alive")) {
                keepAlive = true;
            }
        }
        length = 0;
    }

    /** Decides how the body is framed; true when the response is complete already (no body). */
    private boolean endOfHeaders() {
        length = 0;
        if (status >= 100 && status < 200) {
            // an interim response: the final one follows
            reset();
            return false;
        }
        if (head || status == 204 || status == 304) {
            return true;
        }
        if (chunked) {
            state = State.CHUNK_SIZE;
            return false;
        }
        if (contentLength >= 0) {
            if (contentLength == 0) {
                return true;
            }
            remaining = contentLength;
            state = State.BODY;
            return false;
        }
        keepAlive = false;
        state = State.UNTIL_CLOSE;
        return false;
    }

    private long chunkSize() throws ProtocolException {
        long size = 0;
        int digits = 0;
        for (int i = 0; i < length; i++) {
            char c = (char) (line[i] & 0xff);
            int d = Character.digit(c, 16);
            if (d < 0) {
                if (c == ';' || c == ' ' || c == '\t') {
                    break;
                }
                throw new ProtocolException("a chunk size that is not hexadecimal");
            }
            if (++digits > 15) {
                throw new ProtocolException("a chunk size too large");
            }
            size = size * 16 + d;
        }
        if (digits == 0) {
            throw new ProtocolException("a chunk without a size");
        }
        length = 0;
        return size;
    }

    private boolean startsWith(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int indexOf(char c) {
        for (int i = 0; i < length; i++) {
            if (line[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private boolean nameIs(String lowerName, int colon) {
        if (colon != lowerName.length()) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = (char) (line[i] & 0xff);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String value(int colon) {
        return new String(line, colon + 1, length - colon - 1, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
    }
}
