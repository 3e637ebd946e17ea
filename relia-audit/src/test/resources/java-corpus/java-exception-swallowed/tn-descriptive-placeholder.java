import java.net.URL;

// When a plugin's resource cannot be located the answer is a placeholder that says so in its own type and text
// (a descriptive resource: exists() is false, its description names the bad path): the caller sees "not found",
// not a silent success.
class PluginResources {
    Resource find(URL base, String path) {
        try {
            return new UrlResource(new URL(base, path));
        } catch (Exception e) {
            return new DescriptiveResource("Plugin resource [" + path + "] under [" + base + "] is invalid");
        }
    }

    Handler handlerFor(String name, Registry registry) {
        try {
            return registry.lookup(name);
        } catch (RuntimeException e) {
            return new NoOpHandler();
        }
    }

    interface Resource {
    }

    record UrlResource(URL url) implements Resource {
    }

    record DescriptiveResource(String description) implements Resource {
    }

    interface Handler {
    }

    static final class NoOpHandler implements Handler {
    }

    interface Registry {
        Handler lookup(String name);
    }
}
