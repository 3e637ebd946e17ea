package io.relia.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A postmortem action item, tracked until done: the SRE book's table (action, type, owner, bug) plus priority, due
 * date and status, which chapter 15 asks for so that items do not rot.
 *
 * @param id         store identity; 0 before it is stored
 * @param incidentId the incident it came from
 * @param due        the date it should be done by, or null
 * @param link       tracker link or bug id, or ""
 */
public record ActionItem(long id, long incidentId, String title, Type type, String owner, Priority priority,
                         LocalDate due, Status status, String link, Instant created, Instant updated) {

    /** What the item does about the failure. */
    public enum Type {
        MITIGATE, PREVENT, PROCESS, OTHER;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Type parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IncidentException("unknown action type \"" + text
                        + "\"; expected mitigate, prevent, process or other");
            }
        }
    }

    /** P1 (do now) to P4 (when convenient). */
    public enum Priority {
        P1, P2, P3, P4;

        public static Priority parse(String text) {
            String upper = text.strip().toUpperCase(Locale.ROOT);
            try {
                return valueOf(upper.startsWith("P") ? upper : "P" + upper);
            } catch (IllegalArgumentException unknown) {
                throw new IncidentException("unknown priority \"" + text + "\"; expected P1, P2, P3 or P4");
            }
        }
    }

    /** Where the item stands; done and won't-do are final but can be reopened. */
    public enum Status {
        OPEN, IN_PROGRESS, DONE, WONT_DO;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public boolean isFinished() {
            return this == DONE || this == WONT_DO;
        }

        public static Status parse(String text) {
            String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            try {
                return valueOf(key);
            } catch (IllegalArgumentException unknown) {
                throw new IncidentException("unknown action status \"" + text
                        + "\"; expected open, in-progress, done or wont-do");
            }
        }
    }

    public ActionItem {
        Objects.requireNonNull(title, "title");
        title = title.strip();
        if (title.isEmpty()) {
            throw new IncidentException("an action item needs a title");
        }
        Objects.requireNonNull(type, "type");
        owner = owner == null ? "" : owner.strip();
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        link = link == null ? "" : link.strip();
        Objects.requireNonNull(created, "created");
        created = IncidentTimes.millis(created);
        updated = updated == null ? created : IncidentTimes.millis(updated);
    }

    /** Display reference, e.g. {@code ACT-7}. */
    public String reference() {
        return "ACT-" + id;
    }

    /** Not finished and its due date has passed. */
    public boolean isOverdue(LocalDate today) {
        return !status.isFinished() && due != null && due.isBefore(today);
    }

    public ActionItem withStatus(Status next, Instant at) {
        return new ActionItem(id, incidentId, title, type, owner, priority, due, next, link, created, at);
    }

    public ActionItem withOwner(String next, Instant at) {
        return new ActionItem(id, incidentId, title, type, next, priority, due, status, link, created, at);
    }

    public ActionItem withPriority(Priority next, Instant at) {
        return new ActionItem(id, incidentId, title, type, owner, next, due, status, link, created, at);
    }

    public ActionItem withDue(LocalDate next, Instant at) {
        return new ActionItem(id, incidentId, title, type, owner, priority, next, status, link, created, at);
    }

    public ActionItem withLink(String next, Instant at) {
        return new ActionItem(id, incidentId, title, type, owner, priority, due, status, next, created, at);
    }

    public ActionItem withId(long newId) {
        return new ActionItem(newId, incidentId, title, type, owner, priority, due, status, link, created, updated);
    }
}
