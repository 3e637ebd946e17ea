import com.example.shipping.QuoteReply;
import com.example.shipping.QuoteRequest;
import com.example.shipping.ShippingGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import java.util.concurrent.TimeUnit;

class ShippingClient {
    private final ShippingGrpc.ShippingBlockingStub stub;

    ShippingClient(ManagedChannel channel) {
        Channel bounded = ClientInterceptors.intercept(channel, new DefaultDeadline(3, TimeUnit.SECONDS));
        this.stub = ShippingGrpc.newBlockingStub(bounded);
    }

    QuoteReply quote(QuoteRequest request) {
        return stub.quote(request);
    }

    /** Gives every call without a deadline a default one. */
    static final class DefaultDeadline implements ClientInterceptor {
        private final long amount;
        private final TimeUnit unit;

        DefaultDeadline(long amount, TimeUnit unit) {
            this.amount = amount;
            this.unit = unit;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options,
                                                     Channel next) {
            CallOptions bounded = options.getDeadline() == null ? options.withDeadlineAfter(amount, unit) : options;
            return next.newCall(method, bounded);
        }
    }
}
