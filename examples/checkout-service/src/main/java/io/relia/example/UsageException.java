package io.relia.example;

/** The command line cannot be used as given; the message says why. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
