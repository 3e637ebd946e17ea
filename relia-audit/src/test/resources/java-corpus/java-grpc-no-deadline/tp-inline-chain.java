import com.example.pricing.PriceReply;
import com.example.pricing.PriceRequest;
import com.example.pricing.PricingGrpc;
import io.grpc.Channel;

class PriceFetcher {
    PriceReply price(Channel channel, String sku) {
        return PricingGrpc.newBlockingStub(channel) // expect: java/grpc-no-deadline
                .withCompression("gzip")
                .quote(PriceRequest.newBuilder().setSku(sku).build());
    }
}
