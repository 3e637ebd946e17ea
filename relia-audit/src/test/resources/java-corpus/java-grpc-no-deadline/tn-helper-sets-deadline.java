import com.example.ledger.Balance;
import com.example.ledger.BalanceRequest;
import com.example.ledger.LedgerGrpc;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

class LedgerClient {
    private final Duration timeout;
    private final ManagedChannel channel;

    LedgerClient(ManagedChannel channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
    }

    long balance(String account) {
        LedgerGrpc.LedgerBlockingStub stub = LedgerGrpc.newBlockingStub(channel);
        Balance balance = bounded(stub).balance(BalanceRequest.newBuilder().setAccount(account).build());
        return balance.getCents();
    }

    private LedgerGrpc.LedgerBlockingStub bounded(LedgerGrpc.LedgerBlockingStub stub) {
        return stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
