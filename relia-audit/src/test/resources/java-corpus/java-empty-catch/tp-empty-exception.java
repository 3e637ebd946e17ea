class Cache {
    void put(java.util.Map<String, String> map, String key, String value) {
        try {
            map.put(key, value);
        } catch (Exception e) { } // expect: java/empty-catch
    }
}
