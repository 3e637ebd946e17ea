/** The text comes from another service inside the try: the empty catch also hides that call's failures. */
class RemoteCounter {
    interface Store {
        String read(String key);
    }

    int count(Store store, String key) {
        try {
            return Integer.valueOf(store.read(key));
        } catch (Exception e) { } // expect: java/empty-catch
        return -1;
    }
}
