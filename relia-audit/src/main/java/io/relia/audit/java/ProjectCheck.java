package io.relia.audit.java;

import io.relia.audit.AuditContext;

/**
 * A check over the whole service rather than one file ("no health endpoint anywhere"): it notes facts per file while
 * the files are checked (they are cached with the file's findings) and reports once all files are done.
 */
interface ProjectCheck extends JavaCheck {

    /** Reports from the facts every file noted; runs once, on one thread, after every file was checked. */
    void finish(AuditContext context, ProjectFacts facts);
}
