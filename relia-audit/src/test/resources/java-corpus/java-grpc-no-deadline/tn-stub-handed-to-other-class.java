import com.example.notify.NotifierGrpc;
import io.grpc.ManagedChannel;

final class NotifierModule {
    private final NotificationSender sender;

    NotifierModule(ManagedChannel channel, RetryPolicy policy) {
        // NotificationSender (another file) applies the deadline and the retry policy to each call
        this.sender = new NotificationSender(NotifierGrpc.newBlockingStub(channel), policy);
    }

    NotificationSender sender() {
        return sender;
    }
}
