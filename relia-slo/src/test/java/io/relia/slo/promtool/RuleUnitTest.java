package io.relia.slo.promtool;

import io.relia.core.value.Durations;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code promtool test rules} file for one scenario: the rule file under test, synthetic input series, and what
 * must hold at chosen evaluation times: the exact set of firing alerts ({@code alert_rule_test}) and PromQL results
 * ({@code promql_expr_test}).
 *
 * <p>promtool 2.42 compares annotations too: an expected alert without {@code exp_annotations} expects none, so
 * every {@link ExpectedAlert} carries its annotations, with templates expanded. It evaluates rule groups in an
 * unspecified order unless told otherwise, so the file lists the generated groups in {@code group_eval_order}:
 * alerts then see the recordings of the same evaluation, not the previous one.
 */
final class RuleUnitTest {

    /**
     * An alert expected to fire.
     *
     * @param labels      its labels, without {@code alertname}
     * @param annotations its annotations as Prometheus expands them
     */
    record ExpectedAlert(Map<String, String> labels, Map<String, String> annotations) {
        ExpectedAlert {
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
        }
    }

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final GeneratedRules rules;
    private final Duration evaluationInterval;
    private final Traffic traffic;
    private final List<Map<String, Object>> alertTests = new ArrayList<>();
    private final List<Map<String, Object>> expressionTests = new ArrayList<>();

    /** Rules evaluated every {@code evaluationInterval} over {@code traffic}. */
    RuleUnitTest(GeneratedRules rules, Duration evaluationInterval, Traffic traffic) {
        this.rules = rules;
        this.evaluationInterval = evaluationInterval;
        this.traffic = traffic;
    }

    /** At {@code at}, exactly {@code firing} are the firing alerts named {@code alertname}. */
    RuleUnitTest alerts(Duration at, String alertname, List<ExpectedAlert> firing) {
        List<Map<String, Object>> expected = new ArrayList<>();
        for (ExpectedAlert alert : firing) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("exp_labels", new TreeMap<>(alert.labels()));
            item.put("exp_annotations", new TreeMap<>(alert.annotations()));
            expected.add(item);
        }
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("eval_time", Durations.formatPrometheus(at));
        test.put("alertname", alertname);
        test.put("exp_alerts", expected);
        alertTests.add(test);
        return this;
    }

    /** At {@code at}, {@code expr} returns one sample without labels, of value {@code value}. */
    RuleUnitTest sample(Duration at, String expr, double value) {
        return samples(at, expr, List.of(Map.of("labels", "{}", "value", value)));
    }

    /** At {@code at}, {@code expr} returns nothing. */
    RuleUnitTest noSample(Duration at, String expr) {
        return samples(at, expr, List.of());
    }

    private RuleUnitTest samples(Duration at, String expr, List<Map<String, Object>> expected) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("expr", expr);
        test.put("eval_time", Durations.formatPrometheus(at));
        test.put("exp_samples", expected);
        expressionTests.add(test);
        return this;
    }

    /** The test file, reading the rules from {@code ruleFile} (relative to the test file). */
    String yaml(String ruleFile) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("interval", Durations.formatPrometheus(traffic.scrapeInterval()));
        group.put("input_series", List.of(
                Map.of("series", traffic.servedSeries(), "values", traffic.servedValues()),
                Map.of("series", traffic.failedSeries(), "values", traffic.failedValues())));
        if (!alertTests.isEmpty()) {
            group.put("alert_rule_test", alertTests);
        }
        if (!expressionTests.isEmpty()) {
            group.put("promql_expr_test", expressionTests);
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("rule_files", List.of(ruleFile));
        file.put("evaluation_interval", Durations.formatPrometheus(evaluationInterval));
        file.put("group_eval_order", rules.groups());
        file.put("tests", List.of(group));
        return YAML.writeValueAsString(file);
    }

    GeneratedRules rules() {
        return rules;
    }
}
