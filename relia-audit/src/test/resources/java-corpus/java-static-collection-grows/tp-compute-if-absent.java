import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class OrdersByUser {
    private static final Map<String, List<String>> ORDERS = new HashMap<>(); // expect: java/static-collection-grows

    static {
        ORDERS.put("system", new ArrayList<>());
    }

    synchronized void placed(String user, String order) {
        ORDERS.computeIfAbsent(user, key -> new ArrayList<>()).add(order);
    }

    synchronized int orders(String user) {
        return ORDERS.getOrDefault(user, List.of()).size();
    }
}
