import com.example.pricing.PriceReply;
import com.example.pricing.PriceRequest;
import com.example.pricing.PricingGrpc;
import io.grpc.Channel;
import io.grpc.Deadline;
import java.util.concurrent.TimeUnit;

/** One instance per incoming request, so the absolute deadline covers exactly that request. */
final class QuoteRequestScope {
    private final PricingGrpc.PricingBlockingStub pricing;

    QuoteRequestScope(Channel channel) {
        this.pricing = PricingGrpc.newBlockingStub(channel).withDeadline(Deadline.after(1, TimeUnit.SECONDS));
    }

    PriceReply quote(String sku) {
        return pricing.quote(PriceRequest.newBuilder().setSku(sku).build());
    }

    PriceReply quoteBulk(String sku, int quantity) {
        PricingGrpc.PricingBlockingStub local = PricingGrpc.newBlockingStub(pricing.getChannel());
        local = local.withDeadlineAfter(2, TimeUnit.SECONDS);
        return local.quote(PriceRequest.newBuilder().setSku(sku).setQuantity(quantity).build());
    }
}
