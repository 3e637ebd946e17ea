package io.relia.load.run;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * Netty's HTTP/1.1 response decoder, told when the request was a HEAD so it does not wait for a body the server
 * will never send (HttpClientCodec learns this from request objects; the load generator writes pre-encoded bytes).
 */
final class ResponseDecoder extends HttpResponseDecoder {
    private boolean head;

    ResponseDecoder(HttpDecoderConfig config) {
        super(config);
    }

    void expectHead(boolean isHead) {
        head = isHead;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
        return head || super.isContentAlwaysEmpty(msg);
    }
}
