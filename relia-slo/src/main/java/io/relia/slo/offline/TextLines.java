package io.relia.slo.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a UTF-8 text stream, handed out as ranges of a reused char buffer so that readers of large recorded files
 * allocate nothing per line. Decoding is strict: the first byte that is not UTF-8 ends the text with a located
 * problem, as does a line longer than {@link #MAX_LINE_CHARS}. A trailing CR and a leading byte order mark are
 * dropped.
 */
final class TextLines {

    /** Longest line accepted (1 Mi chars): recorded data has short lines; a longer one is a wrong or binary file. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final ReadProblems problems;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();
    private char[] chars = new char[BUFFER];
    /** Decoded chars not yet handed out are {@code chars[pending, decoded)}. */
    private int pending;
    private int decoded;
    private boolean endOfStream;
    private boolean drained;
    private boolean failed;
    /** The byte at which decoding stopped, reported once the lines before it are handed out; -1 while none. */
    private int malformedByte = -1;
    private int number;
    private int start;
    private int end;

    TextLines(InputStream in, ReadProblems problems) {
        this.in = in;
        this.problems = problems;
    }

    /**
     * Advances to the next line; false at the end of the text, or when the text stopped at a problem (see
     * {@link #complete()}).
     */
    boolean next() throws IOException {
        int searchFrom = pending;
        while (true) {
            for (int i = searchFrom; i < decoded; i++) {
                if (chars[i] == '\n') {
                    return line(i, i + 1);
                }
            }
            if (failed) {
                return false;
            }
            if (malformedByte >= 0) {
                failed = true;
                int column = Character.codePointCount(chars, pending, decoded - pending) + 1;
                problems.error(number + 1, column, String.format("byte 0x%02x is not UTF-8", malformedByte),
                        "UTF-8 text", "save the file as UTF-8");
                return false;
            }
            if (drained) {
                return pending < decoded && line(decoded, decoded);
            }
            if (decoded - pending >= MAX_LINE_CHARS) {
                failed = true;
                problems.error(number + 1, 1, "the line is longer than " + MAX_LINE_CHARS + " characters",
                        "lines of recorded data", "is this a binary file?");
                return false;
            }
            searchFrom = decoded - pending;
            compact();
            fill();
        }
    }

    /** False when the text stopped early at a problem (bytes that are not UTF-8, an overlong line). */
    boolean complete() {
        return !failed;
    }

    /** The buffer holding the current line; valid until the next call of {@link #next()}. */
    char[] chars() {
        return chars;
    }

    /** Index of the current line's first char in {@link #chars()}. */
    int start() {
        return start;
    }

    /** Index after the current line's last char (line feed and trailing CR excluded). */
    int end() {
        return end;
    }

    /** 1-based number of the current line. */
    int number() {
        return number;
    }

    /** 1-based column of {@code index} in the current line, counted in characters (code points). */
    int column(int index) {
        return Character.codePointCount(chars, start, Math.min(index, end) - start) + 1 + Math.max(0, index - end);
    }

    private boolean line(int lineEnd, int next) {
        number++;
        start = pending;
        end = lineEnd > start && chars[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
        if (number == 1 && start < end && chars[start] == '\uFEFF') {
            start++;
        }
        pending = next;
        return true;
    }

    private void compact() {
        if (pending > 0) {
            System.arraycopy(chars, pending, chars, 0, decoded - pending);
            decoded -= pending;
            pending = 0;
        }
        if (decoded == chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
    }

    /** Decodes at least one more char, or reaches the end of the stream, or stops at bytes that are not UTF-8. */
    private void fill() throws IOException {
        CharBuffer out = CharBuffer.wrap(chars, decoded, chars.length - decoded);
        while (out.position() == decoded && !drained && malformedByte < 0) {
            if (!bytes.hasRemaining() && !endOfStream) {
                readBytes();
            }
            CoderResult result = decoder.decode(bytes, out, endOfStream);
            if (result.isError()) {
                malformedByte = bytes.hasRemaining() ? bytes.get(bytes.position()) & 0xff : 0;
            } else if (result.isUnderflow()) {
                if (endOfStream) {
                    decoder.flush(out);
                    drained = true;
                } else if (bytes.hasRemaining()) {
                    readBytes();
                }
            }
        }
        decoded = out.position();
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfStream = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }
}
