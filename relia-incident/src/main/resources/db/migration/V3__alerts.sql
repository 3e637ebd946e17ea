-- Alerts received by relia serve (Alertmanager webhooks, PagerDuty Events v2), one row per alert per incident it
-- belongs to. alert_key is the sender's identity of the alert (Alertmanager fingerprint, PagerDuty dedup_key);
-- repeats of a firing alert update its row instead of adding one. Labels and annotations are JSON objects.
CREATE TABLE alerts (
    id ${id_column},
    incident_id BIGINT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    source VARCHAR(16) NOT NULL CHECK (source IN ('ALERTMANAGER', 'PAGERDUTY')),
    alert_key VARCHAR(300) NOT NULL,
    status VARCHAR(8) NOT NULL CHECK (status IN ('FIRING', 'RESOLVED')),
    alertname VARCHAR(200) NOT NULL,
    group_key TEXT NOT NULL,
    labels TEXT NOT NULL,
    annotations TEXT NOT NULL,
    generator_url TEXT NOT NULL,
    starts_at BIGINT,
    ends_at BIGINT,
    first_received_at BIGINT NOT NULL,
    last_received_at BIGINT NOT NULL,
    receive_count BIGINT NOT NULL,
    UNIQUE (source, alert_key, incident_id)  -- also the index that finds an alert by its identity
);
CREATE INDEX alerts_incident ON alerts (incident_id, status);

-- The incident each alert group last fed, and when: a firing alert joins it while it is open and the group's last
-- alert is within the intake window. One row per group keeps that lookup O(1) however many alerts a group has had.
CREATE TABLE alert_groups (
    group_key VARCHAR(500) PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    last_received_at BIGINT NOT NULL
);
