import java.util.Collections;
import java.util.List;

class Orders {
    interface Store {
        List<String> ordersOf(String customer) throws Exception;
    }

    List<String> history(Store store, String customer) {
        try {
            return store.ordersOf(customer);
        } catch (Exception e) { return Collections.emptyList(); } // expect: java/exception-swallowed
    }
}
