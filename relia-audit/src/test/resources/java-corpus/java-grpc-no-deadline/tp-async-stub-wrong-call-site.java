import com.example.audit.AuditEvent;
import com.example.audit.AuditGrpc;
import com.example.audit.Ack;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;

class AuditPublisher {
    private final AuditGrpc.AuditStub async;
    private final AuditGrpc.AuditBlockingStub blocking;

    AuditPublisher(ManagedChannel channel) {
        this.async = AuditGrpc.newStub(channel); // expect: java/grpc-no-deadline
        this.blocking = AuditGrpc.newBlockingStub(channel);
    }

    void publish(AuditEvent event, StreamObserver<Ack> observer) {
        async.record(event, observer);
    }

    Ack publishNow(AuditEvent event) {
        return blocking.withDeadlineAfter(500, TimeUnit.MILLISECONDS).record(event);
    }
}
