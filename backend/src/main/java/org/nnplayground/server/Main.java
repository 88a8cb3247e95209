package org.nnplayground.server;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * {@code java -jar nn-playground.jar [--host H] [--port P] [--data DIR]}: serves the playground.
 * Flags override the environment variables NN_PLAYGROUND_HOST, NN_PLAYGROUND_PORT and NN_PLAYGROUND_DATA.
 */
public final class Main {
    private static final String USAGE = "usage: java -jar nn-playground.jar [--host HOST] [--port PORT] [--data DIR]\n"
            + "       [--max-jobs N] [--job-seconds S] [--frame-ancestors SOURCES] [--cors-origins A,B]\n"
            + "       [--max-points N] [--max-parameters N] [--max-steps N]\n"
            + "       java -jar nn-playground.jar train --help";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("train")) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            System.exit(new TrainCommand(System.out, System.err, System.console() != null).run(rest));
            return;
        }
        ServerSettings settings;
        try {
            settings = parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Javalin app = PlaygroundApp.create(settings).start(settings.host(), settings.port());
        String shownHost = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
        System.out.println("NN Playground is running at http://" + shownHost + ":" + app.port() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
    }

    static ServerSettings parse(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("NN_PLAYGROUND_HOST", "0.0.0.0");
        String port = env.getOrDefault("NN_PLAYGROUND_PORT", String.valueOf(ServerSettings.DEFAULT_PORT));
        String data = env.getOrDefault("NN_PLAYGROUND_DATA", "nn-playground-data");
        String maxJobs = env.getOrDefault("NN_PLAYGROUND_MAX_JOBS", String.valueOf(ServerSettings.DEFAULT_MAX_JOBS));
        String jobSeconds = env.getOrDefault("NN_PLAYGROUND_JOB_SECONDS",
                String.valueOf(ServerSettings.DEFAULT_JOB_TIME_LIMIT_SECONDS));
        String frameAncestors = env.getOrDefault("NN_PLAYGROUND_FRAME_ANCESTORS", "'self'");
        String cors = env.getOrDefault("NN_PLAYGROUND_CORS_ORIGINS", "");
        String maxPoints = env.getOrDefault("NN_PLAYGROUND_MAX_POINTS", String.valueOf(TrainingLimits.DEFAULTS.maxPoints()));
        String maxParameters = env.getOrDefault("NN_PLAYGROUND_MAX_PARAMETERS",
                String.valueOf(TrainingLimits.DEFAULTS.maxParameters()));
        String maxSteps = env.getOrDefault("NN_PLAYGROUND_MAX_STEPS", String.valueOf(TrainingLimits.DEFAULTS.maxSteps()));
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException("NN Playground server");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--host" -> host = value;
                case "--port" -> port = value;
                case "--data" -> data = value;
                case "--max-jobs" -> maxJobs = value;
                case "--job-seconds" -> jobSeconds = value;
                case "--frame-ancestors" -> frameAncestors = value;
                case "--cors-origins" -> cors = value;
                case "--max-points" -> maxPoints = value;
                case "--max-parameters" -> maxParameters = value;
                case "--max-steps" -> maxSteps = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        Path dataDir = Paths.get(data);
        java.util.List<String> origins = cors.isBlank() ? java.util.List.of() : java.util.List.of(cors.trim().split("\\s*,\\s*"));
        return new ServerSettings(host, number("port", port), dataDir, number("max-jobs", maxJobs),
                number("job-seconds", jobSeconds), frameAncestors, origins, new TrainingLimits(number("max-points", maxPoints),
                        number("max-parameters", maxParameters), number("max-steps", maxSteps)));
    }

    private static int number(String what, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got " + value);
        }
    }
}
