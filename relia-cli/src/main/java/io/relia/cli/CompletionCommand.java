package io.relia.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a shell completion script; picocli's script serves bash and, through bashcompinit, zsh. */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.", "",
            "  bash:  source <(relia completion bash)",
            "  zsh:   source <(relia completion zsh)      (uses zsh's bashcompinit)", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  script printed", "  2  unknown shell"})
final class CompletionCommand implements Runnable {

    /** The shells a script can be printed for. */
    enum Shell { bash, zsh }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    private Shell shell;

    @Override
    public void run() {
        String script = AutoComplete.bash("relia", spec.root().commandLine());
        if (shell == Shell.zsh) {
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
    }
}
