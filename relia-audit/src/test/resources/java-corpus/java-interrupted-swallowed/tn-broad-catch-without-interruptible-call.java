import java.util.concurrent.CompletableFuture;

class Renderer {
    String render(CompletableFuture<String> template, Object model) {
        try {
            return template.join() + model; // expect: java/blocking-without-deadline
        } catch (Exception e) {
            throw new IllegalStateException("cannot render", e);
        }
    }

    String firstOrDash(java.util.Optional<String> value) {
        try {
            return value.get();
        } catch (Exception e) {
            throw new IllegalArgumentException("no value", e);
        }
    }
}
