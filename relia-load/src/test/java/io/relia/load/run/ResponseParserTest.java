package io.relia.load.run;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseParserTest {

    private static final String NGINX = "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Mon, 23 Nov 2026 19:00:00 GMT"
            + "\r\nContent-Type: text/html\r\nContent-Length: 12\r\nLast-Modified: Mon, 23 Nov 2026 18:00:00 GMT\r\n"
            + "Connection: keep-alive\r\nETag: \"1-c\"\r\nAccept-Ranges: bytes\r\n\r\nhello world\n";

    private static final String CHUNKED = "HTTP/1.1 201 Created\r\ntransfer-encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n";

    /** Feeds a response in pieces; returns the parser once it reports completion at the very last byte. */
    private static ResponseParser parse(String response, boolean head, int[] cuts) throws Exception {
        ResponseParser parser = new ResponseParser();
        parser.expect(head);
        byte[] bytes = response.getBytes(StandardCharsets.ISO_8859_1);
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : bytes.length;
            ByteBuf piece = Unpooled.wrappedBuffer(bytes, from, to - from);
            boolean done = parser.feed(piece);
            assertThat(done).as("complete only at the end (piece ending at %d of %d)", to, bytes.length)
                    .isEqualTo(to == bytes.length);
            from = to;
        }
        return parser;
    }

    private static ResponseParser parse(String response) throws Exception {
        return parse(response, false, new int[0]);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void findsTheEndOfAResponseHoweverItIsSplit(long seed) throws Exception {
        Random random = new Random(seed);
        for (String response : new String[] {NGINX, CHUNKED}) {
            int length = response.length();
            int pieces = 1 + random.nextInt(8);
            int[] cuts = random.ints(pieces, 1, length).distinct().sorted().toArray();
            ResponseParser parser = parse(response, false, cuts);
            assertThat(parser.status()).isIn(200, 201);
            assertThat(parser.keepAlive()).isTrue();
        }
    }

    @Test
    void readsTheStatusAndKeepsTheConnectionOfAnNginxAnswer() throws Exception {
        ResponseParser parser = parse(NGINX);
        assertThat(parser.status()).isEqualTo(200);
        assertThat(parser.keepAlive()).isTrue();
    }

    @Test
    void skipsInterimResponsesAndWaitsForTheFinalOne() throws Exception {
        ResponseParser parser = parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Service Unavailable\r\n"
                + "Content-Length: 0\r\n\r\n");
        assertThat(parser.status()).isEqualTo(503);
    }

    @Test
    void answersToHeadAnd204And304HaveNoBody() throws Exception {
        assertThat(parse("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", true, new int[0]).status())
                .isEqualTo(200);
        assertThat(parse("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n").status()).isEqualTo(204);
        assertThat(parse("HTTP/1.1 304 Not Modified\r\n\r\n").status()).isEqualTo(304);
    }

    @Test
    void connectionCloseAndHttp10EndTheConnection() throws Exception {
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok").keepAlive())
                .isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok").keepAlive()).isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok").keepAlive())
                .isTrue();
    }

    @Test
    void aBodyWithoutLengthRunsToTheClose() throws Exception {
        ResponseParser parser = new ResponseParser();
        parser.expect(false);
        assertThat(parser.feed(Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\n\r\nsome body", StandardCharsets.US_ASCII)))
                .isFalse();
        assertThat(parser.readsUntilClose()).isTrue();
        assertThat(parser.keepAlive()).isFalse();
    }

    @Test
    void refusesWhatIsNotHttp() {
        for (String bad : new String[] {"SSH-2.0-OpenSSH_9.2\r\n", "HTTP/1.1 2x0 OK\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"}) {
            ResponseParser parser = new ResponseParser();
            parser.expect(false);
            assertThatThrownBy(() -> parser.feed(Unpooled.copiedBuffer(bad, StandardCharsets.US_ASCII)))
                    .as(bad).isInstanceOf(ResponseParser.ProtocolException.class);
        }
    }

    @Test
    void refusesEndlessHeaderLines() {
        ResponseParser parser = new ResponseParser();
        parser.expect(false);
        ByteBuf endless = Unpooled.copiedBuffer("HTTP/1.1 200 OK\r\nX: " + "a".repeat(ResponseParser.MAX_LINE + 1),
                StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> parser.feed(endless)).isInstanceOf(ResponseParser.ProtocolException.class);
    }

    @Test
    void theSameParserReadsOneResponseAfterAnother() throws Exception {
        ResponseParser parser = new ResponseParser();
        for (int i = 0; i < 3; i++) {
            parser.expect(false);
            assertThat(parser.feed(Unpooled.copiedBuffer(i % 2 == 0 ? NGINX : CHUNKED,
                    StandardCharsets.ISO_8859_1))).isTrue();
        }
        assertThat(parser.status()).isEqualTo(200);
    }
}
