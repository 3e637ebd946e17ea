package shop;

import java.util.Map;

/** A library: no server in main code. */
public final class PriceList {
    private final Map<String, Long> cents;

    public PriceList(Map<String, Long> cents) {
        this.cents = Map.copyOf(cents);
    }

    public long priceOf(String sku) {
        return cents.getOrDefault(sku, 0L);
    }
}
