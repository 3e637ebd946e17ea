package io.relia.server;

import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSettings;
import io.relia.incident.IncidentStore;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code relia serve} serves: the incident store (owned by the caller, closed after the server), the settings
 * from {@code incidents.yaml}, the SLO files for the dashboard and, optionally, the Prometheus that measures them.
 *
 * @param store      incidents, alerts, tokens
 * @param settings   response policy, alert intake rules, notification targets
 * @param sloFiles   SLO specs (Relia, Sloth, OpenSLO or Pyrra) the dashboard shows
 * @param prometheus where live SLO status comes from, if anywhere
 * @param sloData    or: recorded SLI data (OpenMetrics with timestamps) measured as of its last sample
 * @param publicUrl  how people reach the server, for links in notifications (else its listen address)
 * @param clock      the time (tests move it)
 */
public record ServerSetup(IncidentStore store, IncidentSettings settings, List<Path> sloFiles,
                          Optional<URI> prometheus, Optional<Path> sloData, Optional<URI> publicUrl, Clock clock) {

    public ServerSetup {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        sloFiles = List.copyOf(sloFiles);
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(sloData, "sloData");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(clock, "clock");
    }

    /** The store with default settings, no SLOs and the system clock. */
    public static ServerSetup of(IncidentStore store) {
        return new ServerSetup(store, IncidentSettings.DEFAULT, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), Clock.systemUTC());
    }

    public IncidentPolicy policy() {
        return settings.policy();
    }

    /** The same, serving {@code other} (the server wraps the store to follow its own writes). */
    public ServerSetup withStore(IncidentStore other) {
        return new ServerSetup(other, settings, sloFiles, prometheus, sloData, publicUrl, clock);
    }

    public ServerSetup withSettings(IncidentSettings newSettings) {
        return new ServerSetup(store, newSettings, sloFiles, prometheus, sloData, publicUrl, clock);
    }

    public ServerSetup withSlos(List<Path> files, Optional<URI> source) {
        return new ServerSetup(store, settings, files, source, sloData, publicUrl, clock);
    }

    public ServerSetup withClock(Clock newClock) {
        return new ServerSetup(store, settings, sloFiles, prometheus, sloData, publicUrl, newClock);
    }

    /** SLOs measured over recorded data instead of Prometheus. */
    public ServerSetup withSloData(Optional<Path> recorded) {
        return new ServerSetup(store, settings, sloFiles, prometheus, recorded, publicUrl, clock);
    }

    public ServerSetup withPublicUrl(Optional<URI> url) {
        return new ServerSetup(store, settings, sloFiles, prometheus, sloData, url, clock);
    }
}
