import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

// Both collections hold one entry per key or value the configuration names, however often the code runs: the
// trusted hosts are read from the login options by a constant key, and the watched settings are keys handed to the
// configuration source itself.
class SettingsCache {
    private static final String TRUSTED_HOSTS = "trustedHosts";
    private static final Set<String> TRUSTED = new HashSet<>();
    private static final Set<String> WATCHED = new HashSet<>();
    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    private final ConfigSource configSource;

    SettingsCache(ConfigSource configSource) {
        this.configSource = configSource;
    }

    void onLogin(Map<String, ?> options) {
        String hosts = (String) options.get(TRUSTED_HOSTS);
        for (String host : hosts.split(",")) {
            TRUSTED.add(host.trim());
        }
    }

    String setting(String settingKey) {
        if (WATCHED.add(settingKey)) {
            configSource.addListener(settingKey, this::refresh);
        }
        return VALUES.get(settingKey);
    }

    private void refresh(String value) {
    }

    boolean trusted(String host) {
        return TRUSTED.contains(host);
    }

    interface ConfigSource {
        void addListener(String key, java.util.function.Consumer<String> listener);
    }
}
