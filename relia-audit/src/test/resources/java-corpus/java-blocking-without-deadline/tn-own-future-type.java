import com.example.cache.Future;

class OwnFuture {
    String read(Future<String> cached) {
        return cached.get();
    }
}
