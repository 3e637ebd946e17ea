package io.relia.audit.java;

/** One family of rules run over a parsed file; stateless, so one instance serves all threads. */
interface JavaCheck {

    /** Adds the findings of this check for {@code file} to it. */
    void check(SourceFile file);
}
