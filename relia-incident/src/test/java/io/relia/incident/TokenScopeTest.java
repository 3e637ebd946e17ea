package io.relia.incident;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenScopeTest {

    @Test
    void writeIncludesReadAndAdminIncludesBothButIntakeStandsAlone() {
        assertThat(TokenScope.allows(Set.of(TokenScope.WRITE), TokenScope.READ)).isTrue();
        assertThat(TokenScope.allows(Set.of(TokenScope.ADMIN), TokenScope.WRITE)).isTrue();
        assertThat(TokenScope.allows(Set.of(TokenScope.ADMIN), TokenScope.READ)).isTrue();
        assertThat(TokenScope.allows(Set.of(TokenScope.ADMIN), TokenScope.INTAKE)).isFalse();
        assertThat(TokenScope.allows(Set.of(TokenScope.INTAKE), TokenScope.READ)).isFalse();
        assertThat(TokenScope.allows(Set.of(TokenScope.INTAKE), TokenScope.WRITE)).isFalse();
        assertThat(TokenScope.allows(Set.of(TokenScope.READ), TokenScope.WRITE)).isFalse();
        assertThat(TokenScope.allows(Set.of(TokenScope.WRITE), TokenScope.ADMIN)).isFalse();
    }

    @Test
    void readsACommaSeparatedListInAnyCaseAndOrder() {
        assertThat(TokenScope.parseList(" Write,intake ,")).containsExactlyInAnyOrder(TokenScope.INTAKE,
                TokenScope.WRITE);
        assertThat(TokenScope.describe(TokenScope.parseList("write,intake"))).isEqualTo("intake, write");
    }

    @Test
    void refusesUnknownScopesAndEmptyLists() {
        assertThatThrownBy(() -> TokenScope.parseList("read,root")).isInstanceOf(IncidentException.class)
                .hasMessage("unknown token scope \"root\"; expected intake, read, write or admin");
        assertThatThrownBy(() -> TokenScope.parseList(" , ")).isInstanceOf(IncidentException.class)
                .hasMessageContaining("at least one scope");
    }
}
