package io.relia.slo.promql;

/**
 * One lexical token of a PromQL expression.
 *
 * @param kind   what it is
 * @param text   its text (unescaped for strings)
 * @param offset its position in the expression, 0-based characters
 */
record Token(Kind kind, String text, int offset) {

    enum Kind {
        IDENTIFIER, NUMBER, DURATION, STRING, OPERATOR, LEFT_PAREN, RIGHT_PAREN, LEFT_BRACE, RIGHT_BRACE,
        LEFT_BRACKET, RIGHT_BRACKET, COMMA, COLON, AT, END
    }

    boolean is(Kind expected, String value) {
        return kind == expected && text.equals(value);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    String describe() {
        return kind == Kind.END ? "the end of the query" : "\"" + text + "\"";
    }
}
