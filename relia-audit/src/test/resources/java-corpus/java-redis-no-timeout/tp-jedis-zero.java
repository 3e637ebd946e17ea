import redis.clients.jedis.Jedis;

class SessionStore {
    String load(String sessionId) {
        try (Jedis jedis = new Jedis("sessions.internal", 6379, 0)) { // expect: java/redis-no-timeout
            return jedis.get("session:" + sessionId);
        }
    }
}
