package io.relia.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;

/**
 * Prints a shell completion script; picocli's script serves bash and, through bashcompinit, zsh. It completes
 * {@code relia} on the PATH and {@code ./relia} in a clone, where the README and docs run it.
 */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.", "",
            "The script completes both relia (on the PATH) and ./relia (in a clone of the repository).", "",
            "In this shell:",
            "  bash:  source <(./relia completion bash)",
            "  zsh:   source <(./relia completion zsh)      (uses zsh's bashcompinit)",
            "In every new shell (write the script once; write it again when Relia gains commands):",
            "  bash:  ./relia completion bash > ~/.relia-completion; echo 'source ~/.relia-completion' >> ~/.bashrc",
            "  zsh:   ./relia completion zsh > ~/.relia-completion; echo 'source ~/.relia-completion' >> ~/.zshrc",
            ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  script printed", "  2  unknown shell"})
final class CompletionCommand implements Runnable {

    /** The shells a script can be printed for. */
    enum Shell { bash, zsh }

    /** The command names the script completes: as installed, and as every example in the docs runs it. */
    static final List<String> NAMES = List.of("relia", "./relia");

    /** picocli's registration, for relia and two script names Relia has no use for. */
    private static final String PICOCLI_NAMES = "relia relia.sh relia.bash";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    private Shell shell;

    @Override
    public void run() {
        String script = registeredForEveryName(AutoComplete.bash("relia", spec.root().commandLine()));
        if (shell == Shell.zsh) {
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
    }

    /** picocli's script, with its {@code complete} line (and the comment above it) for {@link #NAMES}. */
    static String registeredForEveryName(String script) {
        String registration = "complete -F _complete_relia -o default " + PICOCLI_NAMES;
        int at = script.lastIndexOf(registration);
        if (at < 0) {
            throw new IllegalStateException("picocli's completion script no longer ends with: " + registration);
        }
        return script.substring(0, at).replace("`relia`, `relia.sh`, and `relia.bash` commands",
                String.join(" and ", NAMES.stream().map(name -> "`" + name + "`").toList()) + " commands")
                + "complete -F _complete_relia -o default " + String.join(" ", NAMES)
                + script.substring(at + registration.length());
    }
}
