package io.relia.slo.rules;

import io.relia.core.spec.LoadResult;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever strings a rule holds, the emitted YAML reads back to the same strings (seeded random inputs). */
class RuleYamlTest {

    private static final String ALPHABET = "ab:_-./ #'\"\\{}[]|>&*!%@`,?\n\t0123456789 yesnotrue~é\u2028\u0001";

    static Stream<Map<String, Object>> randomDocuments() {
        Random random = new Random(2026L);
        return IntStream.range(0, 300).mapToObj(i -> {
            Map<String, Object> labels = new LinkedHashMap<>();
            for (int l = random.nextInt(4); l > 0; l--) {
                labels.put("k" + l + text(random), text(random));
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", text(random));
            rule.put("expr", random.nextBoolean() ? text(random) + "\n" + text(random) + "\n" : text(random));
            rule.put("labels", labels);
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", text(random));
            group.put("rules", List.of(rule));
            return Map.<String, Object>of("groups", List.of(group));
        });
    }

    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int c = random.nextInt(12); c > 0; c--) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    @ParameterizedTest
    @MethodSource("randomDocuments")
    void emittedYamlReadsBackToTheSameStrings(Map<String, Object> document) {
        StringBuilder yaml = new StringBuilder();
        new RuleYaml(yaml).mapping(document, 0, false);
        LoadResult loaded = SpecLoader.parse(Path.of("rules.yaml"), yaml.toString());
        assertThat(loaded.problems()).as(yaml.toString()).isEmpty();
        assertThat(plain(loaded.file().orElseThrow().documents().getFirst().root())).as(yaml.toString())
                .isEqualTo(document);
    }

    private static Object plain(Node node) {
        return switch (node) {
            case ScalarNode scalar -> scalar.text();
            case ListNode list -> list.items().stream().map(RuleYamlTest::plain).toList();
            case MapNode map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.entries().forEach((key, entry) -> out.put(key, plain(entry.value())));
                yield out;
            }
        };
    }
}
