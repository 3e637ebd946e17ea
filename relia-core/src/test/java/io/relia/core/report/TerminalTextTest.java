package io.relia.core.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Text from files, alerts and the store on a terminal: every control character shown, none acted on. */
class TerminalTextTest {

    /** Input, its one-line form, its multi-line form. */
    static Stream<Arguments> table() {
        return Stream.of(
                arguments("df -h", "df -h", "df -h"),
                arguments("café ⏎ 日本 ✅", "café ⏎ 日本 ✅", "café ⏎ 日本 ✅"),
                arguments("\u001b[2Jcleared", "\\e[2Jcleared", "\\e[2Jcleared"),
                arguments("\u001b]0;pwned\u0007title", "\\e]0;pwned\\atitle", "\\e]0;pwned\\atitle"),
                arguments("touch x\rdf -h", "touch x\\rdf -h", "touch x\\rdf -h"),
                arguments("nul\u0000byte", "nul\\0byte", "nul\\0byte"),
                arguments("back\bspace", "back\\bspace", "back\\bspace"),
                arguments("two\nlines", "two\\nlines", "two\nlines"),
                arguments("windows\r\nlines", "windows\\r\\nlines", "windows\nlines"),
                arguments("a\tb", "a\\tb", "a       b"),
                arguments("abcdefgh\tb", "abcdefgh\\tb", "abcdefgh        b"),
                arguments("x\n\ty", "x\\n\\ty", "x\n        y"),
                arguments("\u000b\f\u0001\u001f", "\\v\\f\\x01\\x1f", "\\v\\f\\x01\\x1f"),
                arguments("del\u007f", "del\\x7f", "del\\x7f"),
                arguments("csi\u009b2J", "csi\\u009b2J", "csi\\u009b2J"),
                arguments("nel\u0085", "nel\\u0085", "nel\\u0085"),
                arguments("abc\u202edcb", "abc\\u202edcb", "abc\\u202edcb"),
                arguments("\u2066isolate\u2069", "\\u2066isolate\\u2069", "\\u2066isolate\\u2069"),
                arguments("\u200e\u200f\u061c", "\\u200e\\u200f\\u061c", "\\u200e\\u200f\\u061c"),
                arguments("\u202a\u202b\u202c\u202d", "\\u202a\\u202b\\u202c\\u202d", "\\u202a\\u202b\\u202c\\u202d"),
                arguments("rm\u200b -rf\ufeff /\u2060x", "rm\\u200b -rf\\ufeff /\\u2060x", "rm\\u200b -rf\\ufeff /\\u2060x"),
                arguments("line\u2028para\u2029", "line\\u2028para\\u2029", "line\\u2028para\\u2029"),
                arguments("\ud83d\udc69\u200d\ud83d\udcbb kept", "\ud83d\udc69\u200d\ud83d\udcbb kept",
                        "\ud83d\udc69\u200d\ud83d\udcbb kept"),
                arguments("already \\e escaped", "already \\e escaped", "already \\e escaped"),
                arguments("", "", ""));
    }

    @ParameterizedTest
    @MethodSource("table")
    void escapesEveryControlCharacterVisibly(String text, String oneLine, String multiLine) {
        assertThat(TerminalText.oneLine(text)).isEqualTo(oneLine);
        assertThat(TerminalText.multiLine(text)).isEqualTo(multiLine);
    }

    @Test
    void leavesSafeTextAsTheSameString() {
        String text = "INC-1 Checkout answers 502 (p99 4.8 s) → payments";
        assertThat(TerminalText.oneLine(text)).isSameAs(text);
        assertThat(TerminalText.multiLine(text)).isSameAs(text);
    }

    @Test
    void findsTheFirstControlCharacterWithOrWithoutLines() {
        assertThat(TerminalText.indexOfControl("echo a\n\techo b", true)).isEqualTo(-1);
        assertThat(TerminalText.indexOfControl("echo a\n\techo b", false)).isEqualTo(6);
        assertThat(TerminalText.indexOfControl("touch x\u001b[2K\rdf -h", true)).isEqualTo(7);
        assertThat(TerminalText.indexOfControl("a\r\nb", true)).isEqualTo(1);
        assertThat(TerminalText.indexOfControl("rm \u202e", true)).isEqualTo(3);
        assertThat(TerminalText.indexOfControl("df\u200b -h", true)).isEqualTo(2);
    }

    static Stream<String> randomTexts() {
        Random random = new Random(28L);
        return IntStream.range(0, 300).mapToObj(i -> {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(40); c > 0; c--) {
                text.append(switch (random.nextInt(4)) {
                    case 0 -> (char) random.nextInt(0x20);
                    case 1 -> (char) (0x7f + random.nextInt(0x21));
                    case 2 -> (char) (0x2060 + random.nextInt(0x20));
                    default -> (char) (0x20 + random.nextInt(0x5f));
                });
            }
            return text.toString();
        });
    }

    @ParameterizedTest
    @MethodSource("randomTexts")
    void leavesNoControlCharacterBehind(String text) {
        assertThat(TerminalText.indexOfControl(TerminalText.oneLine(text), false)).isEqualTo(-1);
        assertThat(TerminalText.indexOfControl(TerminalText.multiLine(text), false))
                .isEqualTo(TerminalText.multiLine(text).indexOf('\n'));
        assertThat(TerminalText.multiLine(text)).doesNotContain("\t");
    }
}
