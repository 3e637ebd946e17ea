package io.relia.incident;

import java.util.List;
import java.util.Locale;

/** The incident roles of the incident-command model: who leads, who talks to stakeholders, who changes
 * production, who writes things down. */
public enum Role {
    INCIDENT_COMMANDER("commander", List.of("ic", "incident-commander", "incident_commander")),
    COMMUNICATIONS_LEAD("comms", List.of("communications", "communications-lead", "communications_lead", "cl")),
    OPERATIONS_LEAD("ops", List.of("operations", "operations-lead", "operations_lead", "ol")),
    SCRIBE("scribe", List.of());

    private final String label;
    private final List<String> aliases;

    Role(String label, List<String> aliases) {
        this.label = label;
        this.aliases = aliases;
    }

    /** Short name as the CLI takes and prints it: commander, comms, ops, scribe. */
    public String label() {
        return label;
    }

    /** Human title, e.g. "incident commander". */
    public String title() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Reads a label, an alias (ic, communications, operations-lead…) or the enum name. */
    public static Role parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.label.equals(key) || role.aliases.contains(key) || role.name().equalsIgnoreCase(key)) {
                return role;
            }
        }
        throw new IncidentException("unknown role \"" + text + "\"; expected commander (ic), comms, ops or scribe");
    }
}
