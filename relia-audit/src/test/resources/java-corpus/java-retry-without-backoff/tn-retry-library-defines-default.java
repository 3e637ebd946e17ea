package io.github.resilience4j.retry.internal;

import io.github.resilience4j.retry.RetryConfig;

// Inside the retry library itself, RetryConfig.ofDefaults() is the registry's fallback for users who did not
// configure one: the library defines its default here, it does not choose it. A user's own call is where a
// default is chosen (tp-r4j-defaults).
class RegistryDefaults {
    RetryConfig defaultConfig() {
        return RetryConfig.ofDefaults();
    }
}
