package io.relia.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostAllowListTest {

    private static final HostAllowList LOOPBACK = HostAllowList.of("127.0.0.1", List.of());

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8080", "LOCALHOST.:8080", "127.0.0.1", "127.0.0.1:18080",
        "[::1]", "[::1]:8080", "[0:0:0:0:0:0:0:1]:8080"})
    void aLoopbackServerAnswersToLoopbackNamesOnAnyPort(String host) {
        assertThat(LOOPBACK.allows(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.nip.io",
        "10.0.0.7", "[::2]", "", "999.1.1.1", "relia.internal"})
    void aLoopbackServerRefusesEveryOtherName(String host) {
        assertThat(LOOPBACK.allows(host)).isFalse();
    }

    @Test
    void aRequestWithoutHostIsServed() {
        assertThat(LOOPBACK.allows(null)).isTrue();
    }

    @Test
    void configuredNamesAreAllowedWhateverTheirCaseOrPort() {
        HostAllowList list = HostAllowList.of("127.0.0.1", List.of("Relia.Internal:8080", "ops.example.com."));

        assertThat(list.allows("relia.internal:9090")).isTrue();
        assertThat(list.allows("ops.example.com")).isTrue();
        assertThat(list.allows("evil.example")).isFalse();
        assertThat(list.describe()).isEqualTo("localhost, 127.0.0.1, [::1], relia.internal, ops.example.com");
    }

    @Test
    void aServerBoundToOneAddressAnswersToThatAddress() {
        HostAllowList list = HostAllowList.of("10.0.0.7", List.of());

        assertThat(list.allows("10.0.0.7:8080")).isTrue();
        assertThat(list.allows("10.0.0.8:8080")).isFalse();
        assertThat(list.allows("relia.internal")).isFalse();
    }

    @Test
    void aServerBoundToEveryInterfaceAnswersToEveryIpLiteralButOnlyToConfiguredNames() {
        HostAllowList list = HostAllowList.of("0.0.0.0", List.of("relia.internal"));

        assertThat(list.allows("10.1.2.3:8080")).isTrue();
        assertThat(list.allows("[fd00::1]:8080")).isTrue();
        assertThat(list.allows("relia.internal:8080")).isTrue();
        assertThat(list.allows("evil.example")).isFalse();
        assertThat(HostAllowList.of("::", List.of()).allows("192.168.1.5")).isTrue();
    }

    @Test
    void aStarAllowsAnyName() {
        assertThat(HostAllowList.of("127.0.0.1", List.of("*")).allows("evil.example")).isTrue();
    }
}
