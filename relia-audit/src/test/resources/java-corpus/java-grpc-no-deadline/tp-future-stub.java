import com.example.search.SearchGrpc;
import com.example.search.SearchReply;
import com.example.search.SearchRequest;
import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ManagedChannel;

final class SearchGateway {
    private final SearchGrpc.SearchFutureStub search;

    SearchGateway(ManagedChannel channel) {
        search = SearchGrpc.newFutureStub(channel); // expect: java/grpc-no-deadline
    }

    ListenableFuture<SearchReply> query(String text) {
        return search.query(SearchRequest.newBuilder().setText(text).build());
    }
}
