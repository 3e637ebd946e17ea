package io.relia.cli;

import java.nio.file.Path;

/**
 * The user's home directory as the shell sees it: {@code $HOME} when it is set, as git and the shell read it, else the
 * JVM's {@code user.home} (which comes from the password database and ignores {@code HOME}). So
 * {@code HOME=/tmp/demo relia incident new ...} keeps its store in {@code /tmp/demo/.relia}, not in the real home.
 */
final class UserHome {

    private UserHome() {
    }

    /** The home directory of this process. */
    static Path directory() {
        return directory(System.getenv("HOME"), System.getProperty("user.home"));
    }

    /** {@code homeVariable} when it is set and not blank, else {@code userHome} (the JVM's {@code user.home}). */
    static Path directory(String homeVariable, String userHome) {
        return Path.of(homeVariable != null && !homeVariable.isBlank() ? homeVariable : userHome);
    }
}
