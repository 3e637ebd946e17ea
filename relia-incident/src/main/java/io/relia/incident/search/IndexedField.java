package io.relia.incident.search;

import io.relia.incident.ActionItem;
import io.relia.incident.Analysis;
import io.relia.incident.Incident;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The searchable fields of an incident, with their query boosts. A query holds symptoms, so the fields that describe
 * symptoms (title, summary, alerts) and the root cause weigh most; resolution, lessons and action items repeat the
 * vocabulary of many failures ("retry", "rate limit", "pool") and weigh least. Tuned on the labelled history in the
 * tests ({@code SimilarIncidentsEvaluationTest}).
 */
enum IndexedField {
    TITLE("title", 3.0f, known -> known.incident().title()),
    SUMMARY("summary", 2.0f, known -> known.incident().summary()),
    LABELS("labels", 0.3f, known -> String.join(" ", known.incident().labels().values())),
    SERVICES("services", 0.3f, known -> String.join(" ", known.incident().services())),
    ALERTS("alerts", 2.0f, known -> String.join(" ", known.incident().alerts())),
    ROOT_CAUSE("root cause", 2.0f, known -> known.incident().analysis().rootCause()),
    TRIGGER("trigger", 1.0f, known -> known.incident().analysis().trigger()),
    RESOLUTION("resolution", 0.5f, known -> known.incident().analysis().resolution()),
    POSTMORTEM("postmortem", 0.3f, known -> postmortem(known.incident().analysis())),
    ACTION_ITEMS("action items", 0.3f,
            known -> known.actionItems().stream().map(ActionItem::title).collect(Collectors.joining("\n")));

    private final String label;
    private final float boost;
    private final Function<KnownIncident, String> text;

    IndexedField(String label, float boost, Function<KnownIncident, String> text) {
        this.label = label;
        this.boost = boost;
        this.text = text;
    }

    /** The Lucene field name. */
    String field() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How "why it matched" names the field. */
    String label() {
        return label;
    }

    float boost() {
        return boost;
    }

    String textOf(KnownIncident known) {
        return text.apply(known);
    }

    /** What a responder knows of the failure before the root cause: title, summary and alerts. */
    static String symptomsOf(Incident incident) {
        return Stream.concat(Stream.of(incident.title(), incident.summary()), incident.alerts().stream())
                .collect(Collectors.joining("\n"));
    }

    /** Where it happens: services and label values (team, region). */
    static String contextOf(Incident incident) {
        return Stream.concat(incident.services().stream(), incident.labels().values().stream())
                .collect(Collectors.joining("\n"));
    }

    static IndexedField ofField(String field) {
        return valueOf(field.toUpperCase(Locale.ROOT));
    }

    private static String postmortem(Analysis analysis) {
        return Stream.concat(Stream.of(analysis.detection(), analysis.impact(), analysis.wentWell(),
                        analysis.wentWrong(), analysis.gotLucky()), analysis.fiveWhys().stream())
                .collect(Collectors.joining("\n"));
    }
}
