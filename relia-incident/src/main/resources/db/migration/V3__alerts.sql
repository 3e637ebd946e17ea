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
    UNIQUE (source, alert_key, incident_id)
);
CREATE INDEX alerts_key ON alerts (source, alert_key, id);
CREATE INDEX alerts_incident ON alerts (incident_id, status);
CREATE INDEX alerts_group ON alerts (group_key, last_received_at);
