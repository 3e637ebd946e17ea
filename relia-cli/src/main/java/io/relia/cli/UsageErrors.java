package io.relia.cli;

import io.relia.core.report.TerminalText;
import io.relia.core.spec.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a usage error says: one line per problem, with the nearest option or command name when one is close (every
 * option of the command, those of its mixins included, and every subcommand), in Relia's own wording rather than
 * picocli's ("Error: Missing ...", "Possible solutions: ...").
 */
final class UsageErrors {

    private UsageErrors() {
    }

    /** The lines to print after {@code relia COMMAND: error: }, the first one included. */
    static List<String> describe(ParameterException exception) {
        CommandSpec spec = exception.getCommandLine().getCommandSpec();
        if (exception instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(spec, unmatched.getUnmatched());
        }
        // picocli checks required arguments before it complains of unknown ones, yet a misspelt option is often why
        // a required one is missing (--ot DIR for --out DIR): name it first.
        List<String> lines = new ArrayList<>(unknownOptions(spec, exception.getCommandLine().getUnmatchedArguments()));
        lines.add(sentence(exception.getMessage()));
        return lines;
    }

    private static List<String> unknownOptions(CommandSpec spec, List<String> arguments) {
        List<String> lines = new ArrayList<>();
        for (String argument : arguments) {
            if (looksLikeOption(argument)) {
                lines.add("unknown option '" + argument + "'" + guess(optionName(argument), spec.optionsMap()
                        .keySet()));
            }
        }
        return lines;
    }

    private static List<String> unmatched(CommandSpec spec, List<String> arguments) {
        List<String> lines = unknownOptions(spec, arguments);
        if (!lines.isEmpty()) {
            return lines;
        }
        String first = arguments.getFirst();
        if (!spec.subcommands().isEmpty()) {
            return List.of("unknown command '" + first + "'" + guess(first, spec.subcommands().keySet()));
        }
        return List.of("unexpected argument '" + first + "'" + (arguments.size() > 1 ? " (and "
                + (arguments.size() - 1) + " more)" : ""));
    }

    /**
     * {@code " (did you mean '--format'?)"}, or nothing when no name is close. Short options ({@code -c}) are neither
     * guessed nor offered: one letter is as near to every other as to the one meant.
     */
    private static String guess(String word, Collection<String> known) {
        if (isShortOption(word)) {
            return "";
        }
        Optional<String> near = Suggestions.closest(word, known.stream().filter(name -> !isShortOption(name))
                .toList());
        return near.map(name -> " (did you mean '" + name + "'?)").orElse("");
    }

    private static boolean isShortOption(String name) {
        return name.length() == 2 && name.charAt(0) == '-';
    }

    private static boolean looksLikeOption(String argument) {
        return argument.length() > 1 && argument.startsWith("-") && !argument.matches("-\\d.*");
    }

    /** {@code --format=json} is option {@code --format}. */
    private static String optionName(String argument) {
        int equals = argument.indexOf('=');
        return equals > 0 ? argument.substring(0, equals) : argument;
    }

    /**
     * picocli's message as a clause after "error: ": without its own "Error: " prefix and starting in lower case
     * unless it starts with an acronym.
     */
    static String sentence(String message) {
        String text = message == null ? "" : message.strip();
        if (text.startsWith("Error: ")) {
            text = text.substring("Error: ".length());
        }
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            text = text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }

    /** Prints the error of {@code exception} and the hint to ask for help. */
    static void print(ParameterException exception) {
        CommandLine failed = exception.getCommandLine();
        String name = failed.getCommandSpec().qualifiedName();
        for (String line : describe(exception)) {
            // A usage error quotes the argument as given: an escape sequence in it is shown, not acted on.
            failed.getErr().println(name + ": error: " + TerminalText.oneLine(line));
        }
        failed.getErr().println("(hint: run '" + name + " --help' for usage)");
    }
}
