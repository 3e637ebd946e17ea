package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The process-wide connection cap leaves a reserve of descriptors; each connection takes two. */
class ProcessCapTest {

    @Test
    void capLeavesAnEighthOfTheLimitAndWhatIsOpenThenHalves() {
        // 20,000 descriptors, 100 open: reserve 2,500, 17,400 free, two per connection.
        assertThat(ConnectionCaps.processCap(20_000, 100)).isEqualTo(8_700);
    }

    @Test
    void smallLimitsKeepAtLeast64Free() {
        assertThat(ConnectionCaps.processCap(256, 40)).isEqualTo(76);
    }

    @Test
    void aLimitAlreadyUsedUpStillAllowsOneConnection() {
        assertThat(ConnectionCaps.processCap(64, 80)).isEqualTo(1);
    }

    @Test
    void hugeLimitsStayAnInt() {
        assertThat(ConnectionCaps.processCap(Long.MAX_VALUE, 10)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void thisProcessGetsACapBelowItsLimit() {
        ConnectionCaps caps = ConnectionCaps.forThisProcess(1024);
        assertThat(caps.perProxy()).isEqualTo(1024);
        assertThat(caps.process()).isPositive();
    }

    @Test
    void capsMustAllowAConnection() {
        assertThatThrownBy(() -> new ConnectionCaps(0, 10)).hasMessageContaining("1 or more, got 0");
        assertThatThrownBy(() -> new ConnectionCaps(10, 0)).hasMessageContaining("1 or more, got 0");
    }
}
