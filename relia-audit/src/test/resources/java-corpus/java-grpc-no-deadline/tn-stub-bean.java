import com.example.catalog.CatalogGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GrpcClientConfig {

    @Bean
    ManagedChannel catalogChannel() {
        return ManagedChannelBuilder.forAddress("catalog", 9090).usePlaintext().build();
    }

    @Bean
    CatalogGrpc.CatalogBlockingStub catalogStub(ManagedChannel catalogChannel) {
        // callers set their own deadline per call
        return CatalogGrpc.newBlockingStub(catalogChannel);
    }
}
