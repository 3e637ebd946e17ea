package io.relia.slo.promql;

import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive-descent PromQL parser with Prometheus' operator precedence (lowest first: {@code or}; {@code and},
 * {@code unless}; comparisons; {@code + -}; {@code * / % atan2}; {@code ^}, right-associative).
 */
final class Parser {

    static final Set<String> AGGREGATIONS = Set.of("sum", "avg", "min", "max", "count", "group", "stddev", "stdvar",
            "topk", "bottomk", "quantile");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=");

    /** Aggregations Prometheus has that offline evaluation does not: read only when checking syntax. */
    private static final Set<String> SYNTAX_ONLY_AGGREGATIONS = Set.of("count_values", "limitk", "limit_ratio");

    private final List<Token> tokens;
    /** Checking syntax only: every Prometheus function, aggregation and the @ modifier are read, none evaluated. */
    private final boolean syntaxOnly;
    private int index;

    private Parser(List<Token> tokens, boolean syntaxOnly) {
        this.tokens = tokens;
        this.syntaxOnly = syntaxOnly;
    }

    static Expr parse(String query) throws PromQlSyntaxException {
        return parse(query, false);
    }

    /** Parses as Prometheus does, accepting what offline evaluation does not support; the tree is not evaluable. */
    static void checkSyntax(String query) throws PromQlSyntaxException {
        parse(query, true);
    }

    private static Expr parse(String query, boolean syntaxOnly) throws PromQlSyntaxException {
        Parser parser = new Parser(Lexer.tokens(query), syntaxOnly);
        Expr expr = parser.binary(0);
        if (parser.peek().kind() != Token.Kind.END) {
            throw parser.unexpected("an operator or the end of the query");
        }
        return expr;
    }

    private static int precedence(Token token) {
        if (token.kind() == Token.Kind.IDENTIFIER) {
            return switch (token.text().toLowerCase(Locale.ROOT)) {
                case "or" -> 1;
                case "and", "unless" -> 2;
                case "atan2" -> 5;
                default -> -1;
            };
        }
        if (token.kind() != Token.Kind.OPERATOR) {
            return -1;
        }
        return switch (token.text()) {
            case "==", "!=", "<", ">", "<=", ">=" -> 3;
            case "+", "-" -> 4;
            case "*", "/", "%" -> 5;
            case "^" -> 6;
            default -> -1;
        };
    }

    private Expr binary(int minPrecedence) throws PromQlSyntaxException {
        Expr left = unary();
        while (true) {
            Token op = peek();
            int precedence = precedence(op);
            if (precedence < 0 || precedence < minPrecedence) {
                return left;
            }
            index++;
            String name = op.text().toLowerCase(Locale.ROOT);
            boolean returnBool = false;
            if (peek().isKeyword("bool")) {
                if (!COMPARISONS.contains(name)) {
                    throw new PromQlSyntaxException("bool modifier can only be used on comparison operators",
                            peek().offset());
                }
                index++;
                returnBool = true;
            }
            Expr.Matching matching = matching();
            Expr right = name.equals("^") ? binary(precedence) : binary(precedence + 1);
            left = new Expr.Binary(name, left, right, returnBool, matching);
        }
    }

    private Expr.Matching matching() throws PromQlSyntaxException {
        boolean on;
        if (peek().isKeyword("on")) {
            on = true;
        } else if (peek().isKeyword("ignoring")) {
            on = false;
        } else {
            return Expr.Matching.DEFAULT;
        }
        index++;
        List<String> labels = labelList();
        Expr.Matching.Card card = Expr.Matching.Card.ONE_TO_ONE;
        List<String> include = List.of();
        if (peek().isKeyword("group_left") || peek().isKeyword("group_right")) {
            card = peek().isKeyword("group_left") ? Expr.Matching.Card.MANY_TO_ONE : Expr.Matching.Card.ONE_TO_MANY;
            index++;
            if (peek().kind() == Token.Kind.LEFT_PAREN) {
                include = labelList();
            }
        }
        return new Expr.Matching(on, labels, card, include);
    }

    private Expr unary() throws PromQlSyntaxException {
        Token token = peek();
        if (token.is(Token.Kind.OPERATOR, "-") || token.is(Token.Kind.OPERATOR, "+")) {
            index++;
            Expr operand = unary();
            if (token.text().equals("+")) {
                return operand;
            }
            return operand instanceof Expr.NumberLiteral number ? new Expr.NumberLiteral(-number.value())
                    : new Expr.Negation(operand);
        }
        Expr base = postfix();
        if (peek().is(Token.Kind.OPERATOR, "^")) {
            index++;
            return new Expr.Binary("^", base, unary(), false, Expr.Matching.DEFAULT);
        }
        return base;
    }

    private Expr postfix() throws PromQlSyntaxException {
        Expr expr = primary();
        while (true) {
            if (peek().kind() == Token.Kind.LEFT_BRACKET) {
                expr = rangeOrSubquery(expr);
            } else if (peek().isKeyword("offset")) {
                int at = peek().offset();
                index++;
                Duration offset = duration();
                expr = withOffset(expr, offset, at);
            } else if (peek().kind() == Token.Kind.AT && syntaxOnly) {
                atModifier();
            } else if (peek().kind() == Token.Kind.AT) {
                throw new PromQlSyntaxException("the @ modifier is not supported offline", peek().offset());
            } else {
                return expr;
            }
        }
    }

    /** {@code @ <unix time>}, {@code @ start()} or {@code @ end()}. */
    private void atModifier() throws PromQlSyntaxException {
        index++;
        Token token = next();
        if (token.kind() == Token.Kind.OPERATOR && token.text().equals("-")) {
            token = next();
        }
        if (token.kind() == Token.Kind.NUMBER) {
            number(token);
            return;
        }
        if (token.kind() == Token.Kind.IDENTIFIER && (token.text().equals("start") || token.text().equals("end"))) {
            expect(Token.Kind.LEFT_PAREN, "\"(\"");
            expect(Token.Kind.RIGHT_PAREN, "\")\"");
            return;
        }
        index--;
        throw unexpected("a timestamp, start() or end() after @");
    }

    private static Expr withOffset(Expr expr, Duration offset, int at) throws PromQlSyntaxException {
        return switch (expr) {
            case Expr.VectorSelector selector -> new Expr.VectorSelector(selector.matchers(), offset);
            case Expr.MatrixSelector matrix -> new Expr.MatrixSelector(
                    new Expr.VectorSelector(matrix.selector().matchers(), offset), matrix.range());
            case Expr.Subquery sub -> new Expr.Subquery(sub.expr(), sub.range(), sub.resolution(), offset);
            default -> throw new PromQlSyntaxException("offset modifier must be preceded by a selector or subquery",
                    at);
        };
    }

    private Expr rangeOrSubquery(Expr expr) throws PromQlSyntaxException {
        int at = peek().offset();
        index++;
        Duration range = duration();
        if (peek().kind() == Token.Kind.COLON) {
            index++;
            Duration resolution = peek().kind() == Token.Kind.RIGHT_BRACKET ? Duration.ZERO : duration();
            expect(Token.Kind.RIGHT_BRACKET, "\"]\"");
            return new Expr.Subquery(expr, range, resolution, Duration.ZERO);
        }
        expect(Token.Kind.RIGHT_BRACKET, "\"]\"");
        if (!(expr instanceof Expr.VectorSelector selector) || !selector.offset().isZero()) {
            throw new PromQlSyntaxException("ranges only allowed for vector selectors", at);
        }
        return new Expr.MatrixSelector(selector, range);
    }

    private Duration duration() throws PromQlSyntaxException {
        Token token = next();
        if (token.kind() != Token.Kind.DURATION && token.kind() != Token.Kind.NUMBER) {
            throw new PromQlSyntaxException("expected a duration such as 5m, found " + token.describe(),
                    token.offset());
        }
        String text = token.kind() == Token.Kind.NUMBER ? token.text() + "s" : token.text();
        Parsed<Duration> parsed = Durations.parse(text);
        if (!(parsed instanceof Parsed.Ok<Duration> ok) || ok.value().isZero()) {
            throw new PromQlSyntaxException("bad duration \"" + token.text() + "\"", token.offset());
        }
        return ok.value();
    }

    private Expr primary() throws PromQlSyntaxException {
        Token token = next();
        switch (token.kind()) {
            case NUMBER:
                return new Expr.NumberLiteral(number(token));
            case STRING:
                return new Expr.StringLiteral(token.text());
            case LEFT_PAREN: {
                Expr inner = binary(0);
                expect(Token.Kind.RIGHT_PAREN, "\")\"");
                return inner;
            }
            case LEFT_BRACE:
                index--;
                return selector(null, token.offset());
            case IDENTIFIER:
                return identifier(token);
            default:
                index--;
                throw unexpected("a number, a selector, a function or \"(\"");
        }
    }

    private Expr identifier(Token token) throws PromQlSyntaxException {
        String lower = token.text().toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("nan")) {
            return new Expr.NumberLiteral(lower.equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN);
        }
        if ((AGGREGATIONS.contains(lower) || syntaxOnly && SYNTAX_ONLY_AGGREGATIONS.contains(lower))
                && (peek().kind() == Token.Kind.LEFT_PAREN || peek().isKeyword("by") || peek().isKeyword("without"))) {
            return aggregate(lower);
        }
        if (peek().kind() == Token.Kind.LEFT_PAREN) {
            if (syntaxOnly && !Functions.PROMETHEUS.contains(token.text())) {
                throw new PromQlSyntaxException("unknown function \"" + token.text() + "\"", token.offset());
            }
            if (!syntaxOnly && !Functions.SUPPORTED.contains(token.text())) {
                throw new PromQlSyntaxException("function \"" + token.text() + "\" is not supported offline "
                        + "(supported: " + String.join(", ", Functions.SUPPORTED.stream().sorted().toList()) + ")",
                        token.offset());
            }
            index++;
            List<Expr> args = new ArrayList<>();
            if (peek().kind() != Token.Kind.RIGHT_PAREN) {
                do {
                    args.add(binary(0));
                } while (accept(Token.Kind.COMMA));
            }
            expect(Token.Kind.RIGHT_PAREN, "\")\" or \",\"");
            return new Expr.Call(token.text(), args);
        }
        return selector(token.text(), token.offset());
    }

    private Expr aggregate(String op) throws PromQlSyntaxException {
        List<String> grouping = List.of();
        boolean without = false;
        boolean grouped = false;
        if (peek().isKeyword("by") || peek().isKeyword("without")) {
            without = next().isKeyword("without");
            grouping = labelList();
            grouped = true;
        }
        expect(Token.Kind.LEFT_PAREN, "\"(\"");
        Expr parameter = null;
        if (op.equals("topk") || op.equals("bottomk") || op.equals("quantile") || op.equals("count_values")
                || op.equals("limitk") || op.equals("limit_ratio")) {
            parameter = binary(0);
            expect(Token.Kind.COMMA, "\",\"");
        }
        Expr expr = binary(0);
        expect(Token.Kind.RIGHT_PAREN, "\")\"");
        if (!grouped && (peek().isKeyword("by") || peek().isKeyword("without"))) {
            without = next().isKeyword("without");
            grouping = labelList();
        }
        return new Expr.Aggregate(op, grouping, without, expr, parameter);
    }

    private List<String> labelList() throws PromQlSyntaxException {
        expect(Token.Kind.LEFT_PAREN, "\"(\"");
        List<String> labels = new ArrayList<>();
        if (peek().kind() != Token.Kind.RIGHT_PAREN) {
            do {
                if (peek().kind() == Token.Kind.RIGHT_PAREN) {
                    break;
                }
                Token label = next();
                if (label.kind() != Token.Kind.IDENTIFIER && label.kind() != Token.Kind.STRING) {
                    throw new PromQlSyntaxException("expected a label name, found " + label.describe(),
                            label.offset());
                }
                labels.add(label.text());
            } while (accept(Token.Kind.COMMA));
        }
        expect(Token.Kind.RIGHT_PAREN, "\")\"");
        return List.copyOf(labels);
    }

    private Expr selector(String name, int at) throws PromQlSyntaxException {
        List<Expr.Matcher> matchers = new ArrayList<>();
        if (name != null) {
            matchers.add(Expr.Matcher.of("__name__", "=", name));
        }
        if (accept(Token.Kind.LEFT_BRACE)) {
            while (peek().kind() != Token.Kind.RIGHT_BRACE) {
                Token label = next();
                if (label.kind() != Token.Kind.IDENTIFIER && label.kind() != Token.Kind.STRING) {
                    throw new PromQlSyntaxException("expected a label name, found " + label.describe(),
                            label.offset());
                }
                Token op = next();
                if (op.kind() != Token.Kind.OPERATOR || !Set.of("=", "!=", "=~", "!~").contains(op.text())) {
                    throw new PromQlSyntaxException("expected a label matching operator (=, !=, =~, !~), found "
                            + op.describe(), op.offset());
                }
                Token value = next();
                if (value.kind() != Token.Kind.STRING) {
                    throw new PromQlSyntaxException("expected a quoted label value, found " + value.describe(),
                            value.offset());
                }
                try {
                    matchers.add(Expr.Matcher.of(label.text(), op.text(), value.text()));
                } catch (PatternSyntaxException bad) {
                    throw new PromQlSyntaxException("bad regular expression \"" + value.text() + "\": "
                            + bad.getDescription(), value.offset());
                }
                if (!accept(Token.Kind.COMMA)) {
                    break;
                }
            }
            expect(Token.Kind.RIGHT_BRACE, "\"}\" or \",\"");
        }
        if (matchers.stream().allMatch(m -> m.matches(""))) {
            throw new PromQlSyntaxException("vector selector must contain at least one non-empty matcher", at);
        }
        return new Expr.VectorSelector(List.copyOf(matchers), Duration.ZERO);
    }

    private static double number(Token token) throws PromQlSyntaxException {
        String text = token.text();
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException bad) {
            throw new PromQlSyntaxException("bad number \"" + text + "\"", token.offset());
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.END) {
            index++;
        }
        return token;
    }

    private boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(Token.Kind kind, String what) throws PromQlSyntaxException {
        if (!accept(kind)) {
            throw unexpected(what);
        }
    }

    private PromQlSyntaxException unexpected(String expected) {
        Token token = peek();
        return new PromQlSyntaxException("unexpected " + token.describe() + ", expected " + expected,
                token.offset());
    }
}
