/** The read from the cache server sits inside the try: its outage becomes a quiet 0. */
class CachedLimit {
    interface Cache {
        String get(String key);
    }

    long limit(Cache cache) {
        try {
            return Long.parseLong(cache.get("limit"));
        } catch (Exception e) { return 0; } // expect: java/exception-swallowed
    }
}
