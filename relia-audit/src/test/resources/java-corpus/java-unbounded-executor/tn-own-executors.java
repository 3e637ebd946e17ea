import com.example.pool.Executors;

class OwnExecutors {
    Object pool() {
        return Executors.newCachedThreadPool();
    }
}
