import java.util.Iterator;

class Providers {
    String first(Iterator<Provider> providers) {
        Provider provider = providers.next();
        do {
            try {
                return provider.load();
            } catch (RuntimeException e) {
                // a broken provider is skipped: the next one may work
                provider = providers.hasNext() ? providers.next() : null;
            }
        } while (provider != null);
        return null;
    }

    interface Provider {
        String load();
    }
}
