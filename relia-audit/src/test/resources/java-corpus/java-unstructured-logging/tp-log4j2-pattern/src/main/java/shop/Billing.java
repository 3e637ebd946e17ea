package shop;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

final class Billing {
    private static final Logger LOG = LogManager.getLogger(Billing.class);

    void charge(String order) {
        LOG.info("charging {}", order);
    }
}
