import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

class PriceFeed {
    private final Queue<Double> ticks;

    PriceFeed(Subscription subscription) {
        ticks = new ConcurrentLinkedQueue<>(); // expect: java/unbounded-queue
        // the exchange pushes as fast as it likes; nothing here says no
        subscription.onTick(tick -> ticks.add(tick));
    }

    double drainAverage() {
        double sum = 0;
        int count = 0;
        for (Double tick = ticks.poll(); tick != null; tick = ticks.poll()) {
            sum += tick;
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    interface Subscription {
        void onTick(Consumer<Double> listener);
    }
}
