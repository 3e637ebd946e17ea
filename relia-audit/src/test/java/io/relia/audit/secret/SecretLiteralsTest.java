package io.relia.audit.secret;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretLiteralsTest {

    @ParameterizedTest
    @ValueSource(strings = {"xxx", "XXXX", "***", "...", "changeme", "change-me", "CHANGE_ME", "your-password",
            "yourpassword", "YOUR_API_KEY", "your-client-secret", "your-db-password-here", "password", "secret",
            "TODO", "tbd", "<paste the key here>", "${DB_PASSWORD}", "d43c91c0-xxxx-xxxx-xxxx-xxxxxxxxxxxx"})
    void obviousPlaceholdersAreNoLiteralSecret(String value) {
        assertThat(SecretLiterals.isLiteral(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xK9#p2", "xxx_live_7Fq2Lm9", "password123", "changeit", "admin123", "s3cret",
            "Sup3rS3cret", "your-mom-said-9f3a", "secretive-otter-42",
            "d43c91c0-5e1f-4b7a-9c2d-0a1b2c3d4e5f", "9d8c7b6a5f4e3d2c1b0a"})
    void realLookingValuesStaySecrets(String value) {
        assertThat(SecretLiterals.isLiteral(value)).isTrue();
    }
}
