package io.relia.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.relia.core.report.Report;
import io.relia.core.report.ReportFormat;
import io.relia.core.report.ReportWriter;
import io.relia.core.value.Durations;
import io.relia.incident.ActionItem;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSeverity;
import io.relia.incident.IncidentStatus;
import io.relia.incident.IncidentStore;
import io.relia.incident.notify.NotificationTarget;
import io.relia.incident.postmortem.PostmortemDraft;
import io.relia.incident.search.Match;
import io.relia.incident.IncidentException;
import io.relia.incident.view.IncidentJson;
import io.relia.incident.view.IncidentJsonReader;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rest of what the incident CLI does, over HTTP: edit an incident, its timeline, its postmortem draft, similar
 * past incidents, MTTx statistics, and action items.
 */
final class IncidentRecordsApi implements ServerPart {

    private static final int MAX_SIMILAR = 50;
    /** What PATCH /api/v1/incidents/{id} changes ({@code detection} is the older name of {@code detectionNotes}). */
    private static final Set<String> PATCH_FIELDS = Set.of("title", "summary", "severity", "status", "services",
            "labels", "alerts", "slos", "drill", "impactStarted", "detected", "declared", "rootCause", "trigger",
            "resolution", "detection", "detectionNotes", "impact", "wentWell", "wentWrong", "gotLucky", "whys");

    /** Longest stats period: a century, so that "now minus the period" is always a time. */
    private static final Duration MAX_STATS_PERIOD = Duration.ofDays(36_500);

    private final IncidentStore store;
    private final IncidentPolicy policy;
    private final IncidentEvents events;
    private final SimilarSearch similar;
    private final StatsCache stats;

    IncidentRecordsApi(ServerSetup setup, IncidentEvents events, SimilarSearch similar, StatsCache stats) {
        this.store = setup.store();
        this.policy = setup.policy();
        this.events = events;
        this.similar = similar;
        this.stats = stats;
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.patch("/api/v1/incidents/{id}", this::update);
        config.routes.put("/api/v1/incidents/{id}", this::replace);
        config.routes.get("/api/v1/incidents/{id}/timeline", this::timeline);
        config.routes.get("/api/v1/incidents/{id}/postmortem", this::postmortem);
        config.routes.get("/api/v1/incidents/{id}/similar", this::similarToIncident);
        config.routes.get("/api/v1/similar", this::similarToText);
        config.routes.get("/api/v1/stats", this::stats);
        config.routes.get("/api/v1/policy", ctx -> Json.send(ctx, 200, IncidentJson.policy(policy)));
        config.routes.get("/api/v1/actions", this::actions);
        config.routes.post("/api/v1/incidents/{id}/actions", this::addAction);
        config.routes.patch("/api/v1/actions/{id}", this::updateAction);
    }

    @Override
    public void close() {
        similar.close();
    }

    private void update(Context ctx) {
        JsonNode body = Json.body(ctx);
        body.propertyNames().forEach(field -> {
            if (!PATCH_FIELDS.contains(field)) {
                throw new ApiError(400, "unknown field \"" + field + "\"; expected any of "
                        + String.join(", ", new TreeSet<>(PATCH_FIELDS)));
            }
        });
        Instant now = Instant.now();
        long id = Ids.incident(ctx);
        IncidentSeverity before = store.get(id).severity();
        Incident changed = store.change(id, Auth.actor(ctx), now, incident -> {
            Incident next = incident;
            Optional<String> title = Json.text(body, "title");
            if (title.isPresent()) {
                if (title.get().isBlank() || title.get().length() > 200) {
                    throw new ApiError(400, "\"title\" must have 1 to 200 characters");
                }
                next = next.withTitle(title.get());
            }
            next = Json.text(body, "summary").map(next::withSummary).orElse(next);
            next = Json.text(body, "severity").map(IncidentSeverity::parse).map(next::withSeverity).orElse(next);
            if (body.has("services")) {
                next = next.withServices(Json.texts(body, "services"));
            }
            if (body.has("labels")) {
                next = next.withLabels(Json.textMap(body, "labels"));
            }
            if (body.has("alerts")) {
                next = next.withAlerts(Json.texts(body, "alerts"));
            }
            if (body.has("slos")) {
                next = next.withSlos(Json.texts(body, "slos"));
            }
            if (body.has("drill")) {
                next = next.withDrill(Json.bool(body, "drill"));
            }
            next = withTimes(next, body);
            Optional<String> status = Json.text(body, "status");
            if (status.isPresent()) {
                next = next.withStatus(IncidentStatus.parse(status.get()), now);
            }
            Analysis analysis = next.analysis();
            analysis = Json.text(body, "rootCause").map(analysis::withRootCause).orElse(analysis);
            analysis = Json.text(body, "trigger").map(analysis::withTrigger).orElse(analysis);
            analysis = Json.text(body, "resolution").map(analysis::withResolution).orElse(analysis);
            analysis = Json.text(body, "detection").map(analysis::withDetection).orElse(analysis);
            analysis = Json.text(body, "detectionNotes").map(analysis::withDetection).orElse(analysis);
            analysis = Json.text(body, "impact").map(analysis::withImpact).orElse(analysis);
            analysis = analysis.withLessons(Json.text(body, "wentWell").orElse(analysis.wentWell()),
                    Json.text(body, "wentWrong").orElse(analysis.wentWrong()),
                    Json.text(body, "gotLucky").orElse(analysis.gotLucky()));
            if (body.has("whys")) {
                analysis = analysis.withFiveWhys(Json.texts(body, "whys"));
            }
            return next.withAnalysis(analysis);
        });
        publishChanges(before, changed, ctx);
        Json.send(ctx, 200, Map.of("incident", IncidentJson.incident(changed, policy, now)));
    }

    /**
     * Replaces the incident's state with the body's {@code incident} record if its {@code If-Match} tag is still
     * current: the compare-and-set behind {@code relia incident --server}, whose commands apply the same pure
     * lifecycle functions as against a local store. 412 when someone changed it meanwhile (the client re-reads and
     * retries), 428 without {@code If-Match}. An optional {@code at} is when the change happened (the CLI's
     * {@code --at}), the time of its timeline entries; the server's clock by default.
     */
    private void replace(Context ctx) {
        String expected = ctx.header("If-Match");
        if (expected == null || expected.isBlank()) {
            throw new ApiError(428, "PUT needs If-Match with the ETag of GET /api/v1/incidents/{id}");
        }
        JsonNode body = Json.body(ctx);
        if (!body.path("incident").isObject()) {
            throw new ApiError(400, "\"incident\" must be the incident record, as GET returns it");
        }
        long id = Ids.incident(ctx);
        Incident submitted;
        try {
            submitted = IncidentJsonReader.incident(body.get("incident")).withId(id);
        } catch (IncidentException malformed) {
            throw new ApiError(400, malformed.getMessage());
        }
        Instant now = Instant.now();
        Instant at = IncidentApi.time(body, "at").orElse(now);
        IncidentSeverity before = store.get(id).severity();
        Incident changed = store.change(id, Auth.actor(ctx), at, current -> {
            if (!Ids.etag(current).equals(expected.strip())) {
                throw new ApiError(412, "INC-" + id + " changed since it was read; read it again");
            }
            return submitted;
        });
        publishChanges(before, changed, ctx);
        ctx.header("ETag", Ids.etag(changed));
        Json.send(ctx, 200, Map.of("incident", IncidentJson.incident(changed, policy, now)));
    }

    private void publishChanges(IncidentSeverity before, Incident changed, Context ctx) {
        if (changed.severity() != before) {
            events.publish(NotificationTarget.Event.SEVERITY_CHANGED, changed, "severity " + before + " → "
                    + changed.severity() + " (by " + Auth.actor(ctx) + ")");
        }
    }

    /** Declaration, detection and impact start; the store checks the result against the lifecycle rules. */
    private static Incident withTimes(Incident incident, JsonNode body) {
        Incident next = incident;
        next = IncidentApi.time(body, "declared").map(next::withDeclared).orElse(next);
        next = IncidentApi.time(body, "detected").map(next::withDetected).orElse(next);
        return IncidentApi.time(body, "impactStarted").map(next::withImpactStarted).orElse(next);
    }

    private void timeline(Context ctx) {
        long id = Ids.incident(ctx);
        store.get(id);
        Json.send(ctx, 200, Map.of("timeline", store.timeline(id).stream().map(IncidentJson::entry).toList()));
    }

    private void postmortem(Context ctx) {
        String format = Optional.ofNullable(ctx.queryParam("format")).orElse("markdown");
        ReportFormat chosen = switch (format) {
            case "markdown" -> ReportFormat.MARKDOWN;
            case "html" -> ReportFormat.HTML;
            default -> throw new ApiError(400, "format must be markdown or html");
        };
        long id = Ids.incident(ctx);
        Incident incident = store.get(id);
        Instant now = Instant.now();
        Report draft = new Report("postmortem", 1, Map.of(), PostmortemDraft.of(incident, store.timeline(id),
                store.actions(Optional.of(id)), policy, List.of(), now));
        StringWriter out = new StringWriter();
        try {
            ReportWriter.forFormat(chosen, false).write(draft, out);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        ctx.status(200).contentType(chosen == ReportFormat.HTML ? "text/html; charset=utf-8"
                : "text/markdown; charset=utf-8").result(out.toString());
    }

    private void similarToIncident(Context ctx) {
        Incident incident = store.get(Ids.incident(ctx));
        int limit = limit(ctx);
        List<Match> matches = similar.similarTo(incident, limit + 1).stream()
                .filter(match -> match.incident().id() != incident.id()).limit(limit).toList();
        Json.send(ctx, 200, Map.of("results", results(matches)));
    }

    private void similarToText(Context ctx) {
        String text = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (text.isEmpty()) {
            throw new ApiError(400, "q is required: the text to search past incidents for");
        }
        Json.send(ctx, 200, Map.of("results", results(similar.search(text, limit(ctx)))));
    }

    private List<Map<String, Object>> results(List<Match> matches) {
        Instant now = Instant.now();
        List<Map<String, Object>> results = new ArrayList<>();
        for (Match match : matches) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("score", match.score());
            entry.put("why", match.why());
            entry.put("incident", IncidentJson.incident(match.incident(), policy, now));
            entry.put("actionItems", match.actionItems().stream().map(item -> IncidentJson.action(item, now))
                    .toList());
            results.add(entry);
        }
        return results;
    }

    private static int limit(Context ctx) {
        String text = Optional.ofNullable(ctx.queryParam("limit")).orElse("5");
        try {
            int limit = Integer.parseInt(text);
            if (limit > 0 && limit <= MAX_SIMILAR) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ApiError(400, "limit must be a number from 1 to " + MAX_SIMILAR);
    }

    private void stats(Context ctx) {
        String since = Optional.ofNullable(ctx.queryParam("since")).orElse("90d");
        Duration period = Durations.parse(since).asOptional()
                .filter(value -> value.isPositive() && value.compareTo(MAX_STATS_PERIOD) <= 0)
                .orElseThrow(() -> new ApiError(400, "since must be a duration such as 30d or 90d (at most 36500d)"));
        int services = number(ctx, "services", StatsCache.DEFAULT_SERVICES, StatsCache.MAX_SERVICES);
        Json.send(ctx, 200, stats.answer(period, services));
    }

    /** A whole-number query parameter from 1 to {@code max}, or {@code fallback} when absent; 400 otherwise. */
    private static int number(Context ctx, String name, int fallback, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ApiError(400, name + " must be a number from 1 to " + max);
    }

    private void actions(Context ctx) {
        Optional<Long> incident = Optional.ofNullable(ctx.queryParam("incident")).map(IncidentRecordsApi::number);
        String status = Optional.ofNullable(ctx.queryParam("status")).orElse("all");
        boolean overdue = "true".equals(ctx.queryParam("overdue"));
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Map<String, Object>> items = store.actions(incident).stream()
                .filter(item -> "all".equals(status) || ("open".equals(status) && !item.status().isFinished())
                        || item.status().label().equals(status))
                .filter(item -> !overdue || item.isOverdue(today))
                .map(item -> IncidentJson.action(item, now)).toList();
        Json.send(ctx, 200, Map.of("actionItems", items));
    }

    private void addAction(Context ctx) {
        JsonNode body = Json.body(ctx);
        long id = Ids.incident(ctx);
        Instant now = Instant.now();
        String title = Json.text(body, "title").filter(text -> !text.isBlank())
                .orElseThrow(() -> new ApiError(400, "\"title\" is required"));
        ActionItem draft = new ActionItem(0, id, title,
                Json.text(body, "type").map(ActionItem.Type::parse).orElse(ActionItem.Type.PREVENT),
                Json.text(body, "owner").orElse(""),
                Json.text(body, "priority").map(ActionItem.Priority::parse).orElse(ActionItem.Priority.P2),
                Json.text(body, "due").map(IncidentRecordsApi::date).orElse(null), ActionItem.Status.OPEN,
                Json.text(body, "link").orElse(""), now, now);
        ActionItem stored = store.addAction(draft, Auth.actor(ctx), now);
        Json.send(ctx, 201, Map.of("actionItem", IncidentJson.action(stored, now)));
    }

    private void updateAction(Context ctx) {
        JsonNode body = Json.body(ctx);
        String text = ctx.pathParam("id");
        long id = number(text.regionMatches(true, 0, "ACT-", 0, 4) ? text.substring(4) : text);
        Instant now = Instant.now();
        ActionItem changed = store.changeAction(id, Auth.actor(ctx), now, item -> {
            ActionItem next = item;
            next = Json.text(body, "status").map(ActionItem.Status::parse).map(s -> item.withStatus(s, now))
                    .orElse(next);
            ActionItem current = next;
            next = Json.text(body, "owner").map(owner -> current.withOwner(owner, now)).orElse(next);
            ActionItem owned = next;
            next = Json.text(body, "priority").map(ActionItem.Priority::parse)
                    .map(priority -> owned.withPriority(priority, now)).orElse(next);
            ActionItem prioritised = next;
            next = Json.text(body, "due").map(IncidentRecordsApi::date).map(due -> prioritised.withDue(due, now))
                    .orElse(next);
            ActionItem dated = next;
            return Json.text(body, "link").map(link -> dated.withLink(link, now)).orElse(next);
        });
        Json.send(ctx, 200, Map.of("actionItem", IncidentJson.action(changed, now)));
    }

    private static long number(String text) {
        try {
            long value = Long.parseLong(text.strip());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ApiError(400, "\"" + text + "\" is not an id; expected a number such as 42");
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            throw new ApiError(400, "\"due\" must be a date such as 2026-12-01");
        }
    }
}
