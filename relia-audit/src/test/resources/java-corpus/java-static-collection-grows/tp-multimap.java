import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;

class Subscriptions {
    private static final Multimap<String, String> BY_TOPIC = HashMultimap.create(); // expect: java/static-collection-grows

    void subscribe(String topic, String client) {
        Subscriptions.BY_TOPIC.put(topic, client);
    }

    boolean subscribed(String topic, String client) {
        return BY_TOPIC.containsEntry(topic, client);
    }
}
