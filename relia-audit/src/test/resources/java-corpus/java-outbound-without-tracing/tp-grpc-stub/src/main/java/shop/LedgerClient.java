package shop;

import io.grpc.ManagedChannel;
import java.util.concurrent.TimeUnit;

final class LedgerClient {
    private final ManagedChannel channel;

    LedgerClient(ManagedChannel channel) {
        this.channel = channel;
    }

    LedgerReply record(LedgerRequest request) {
        return LedgerGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS).record(request); // expect: java/outbound-without-tracing
    }

    interface LedgerRequest {
    }

    interface LedgerReply {
    }
}
