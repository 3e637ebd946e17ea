package io.relia.slo.promql;

import java.util.ArrayList;
import java.util.List;

/** Splits PromQL into tokens, following the Prometheus lexer's rules for names, numbers, durations and strings. */
final class Lexer {

    private static final String OPERATOR_CHARS = "+-*/%^=!<>~";

    private final String input;
    private int position;
    private int bracketDepth;

    private Lexer(String input) {
        this.input = input;
    }

    static List<Token> tokens(String input) throws PromQlSyntaxException {
        return new Lexer(input).all();
    }

    private List<Token> all() throws PromQlSyntaxException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (position >= input.length()) {
                tokens.add(new Token(Token.Kind.END, "", position));
                return tokens;
            }
            tokens.add(next(tokens.isEmpty() ? null : tokens.getLast()));
        }
    }

    private void skipSpaceAndComments() {
        while (position < input.length()) {
            char c = input.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '#') {
                while (position < input.length() && input.charAt(position) != '\n') {
                    position++;
                }
            } else {
                return;
            }
        }
    }

    private Token next(Token previous) throws PromQlSyntaxException {
        int start = position;
        char c = input.charAt(position);
        switch (c) {
            case '(' -> { position++; return new Token(Token.Kind.LEFT_PAREN, "(", start); }
            case ')' -> { position++; return new Token(Token.Kind.RIGHT_PAREN, ")", start); }
            case '{' -> { position++; return new Token(Token.Kind.LEFT_BRACE, "{", start); }
            case '}' -> { position++; return new Token(Token.Kind.RIGHT_BRACE, "}", start); }
            case '[' -> { position++; bracketDepth++; return new Token(Token.Kind.LEFT_BRACKET, "[", start); }
            case ']' -> { position++; bracketDepth--; return new Token(Token.Kind.RIGHT_BRACKET, "]", start); }
            case ',' -> { position++; return new Token(Token.Kind.COMMA, ",", start); }
            case ':' -> { position++; return new Token(Token.Kind.COLON, ":", start); }
            case '@' -> { position++; return new Token(Token.Kind.AT, "@", start); }
            case '"', '\'', '`' -> { return string(c); }
            default -> { }
        }
        if (Character.isDigit(c) || (c == '.' && position + 1 < input.length()
                && Character.isDigit(input.charAt(position + 1)))) {
            return numberOrDuration(previous);
        }
        if (isNameStart(c)) {
            while (position < input.length() && isNameChar(input.charAt(position))) {
                position++;
            }
            return new Token(Token.Kind.IDENTIFIER, input.substring(start, position), start);
        }
        if (OPERATOR_CHARS.indexOf(c) >= 0) {
            return operator();
        }
        throw new PromQlSyntaxException("unexpected character \"" + c + "\"", start);
    }

    private Token operator() throws PromQlSyntaxException {
        int start = position;
        String two = position + 2 <= input.length() ? input.substring(position, position + 2) : "";
        for (String op : List.of("==", "!=", ">=", "<=", "=~", "!~")) {
            if (two.equals(op)) {
                position += 2;
                return new Token(Token.Kind.OPERATOR, op, start);
            }
        }
        char c = input.charAt(position);
        if ("+-*/%^=<>".indexOf(c) >= 0) {
            position++;
            return new Token(Token.Kind.OPERATOR, String.valueOf(c), start);
        }
        throw new PromQlSyntaxException("unexpected character \"" + c + "\"", start);
    }

    private Token numberOrDuration(Token previous) {
        int start = position;
        boolean durationContext = bracketDepth > 0 || (previous != null && previous.isKeyword("offset"));
        if (durationContext) {
            while (position < input.length() && (Character.isLetterOrDigit(input.charAt(position)))) {
                position++;
            }
            String text = input.substring(start, position);
            boolean allDigits = text.chars().allMatch(Character::isDigit);
            return new Token(allDigits ? Token.Kind.NUMBER : Token.Kind.DURATION, text, start);
        }
        if (input.startsWith("0x", position) || input.startsWith("0X", position)) {
            position += 2;
            while (position < input.length() && Character.digit(input.charAt(position), 16) >= 0) {
                position++;
            }
            return new Token(Token.Kind.NUMBER, input.substring(start, position), start);
        }
        while (position < input.length() && (Character.isDigit(input.charAt(position))
                || input.charAt(position) == '.')) {
            position++;
        }
        if (position < input.length() && (input.charAt(position) == 'e' || input.charAt(position) == 'E')) {
            int mark = position;
            position++;
            if (position < input.length() && (input.charAt(position) == '+' || input.charAt(position) == '-')) {
                position++;
            }
            if (position < input.length() && Character.isDigit(input.charAt(position))) {
                while (position < input.length() && Character.isDigit(input.charAt(position))) {
                    position++;
                }
            } else {
                position = mark;
            }
        }
        return new Token(Token.Kind.NUMBER, input.substring(start, position), start);
    }

    private Token string(char quote) throws PromQlSyntaxException {
        int start = position;
        position++;
        StringBuilder text = new StringBuilder();
        while (position < input.length()) {
            char c = input.charAt(position++);
            if (c == quote) {
                return new Token(Token.Kind.STRING, text.toString(), start);
            }
            if (c == '\\' && quote != '`') {
                if (position >= input.length()) {
                    break;
                }
                char escaped = input.charAt(position++);
                text.append(switch (escaped) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> escaped;
                });
            } else if (c == '\n' && quote != '`') {
                throw new PromQlSyntaxException("unterminated string", start);
            } else {
                text.append(c);
            }
        }
        throw new PromQlSyntaxException("unterminated string", start);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) && c < 128 || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || Character.isDigit(c) || c == ':';
    }
}
