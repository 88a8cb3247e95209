package org.nnplayground.server;

import java.util.Map;
import picocli.CommandLine;

/**
 * The runnable jar: {@code java -jar nn-playground.jar [options]} serves the playground ({@link ServeCommand});
 * {@code java -jar nn-playground.jar train [options]} trains on the command line ({@link TrainCommand}).
 * {@code --help} works on both. Exit codes: 0 done, 1 a run that failed (diverged), 2 bad arguments.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ServeCommand.commandLine(System.getenv(), System.console() != null).execute(args));
    }

    /** The server's settings from flags over the environment over defaults; bad flags throw with a message. */
    static ServerSettings parse(String[] args, Map<String, String> env) {
        CommandLine line = ServeCommand.commandLine(env, false);
        try {
            line.parseArgs(args);
            return ((ServeCommand) line.getCommand()).settings();
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
