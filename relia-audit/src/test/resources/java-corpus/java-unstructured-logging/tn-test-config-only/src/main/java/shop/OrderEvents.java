package shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

final class OrderEvents {
    private static final Logger LOG = LoggerFactory.getLogger(OrderEvents.class);

    void placed(String order) {
        LOG.info("order {} placed", order);
    }
}
