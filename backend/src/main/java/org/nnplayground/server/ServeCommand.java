package org.nnplayground.server;

import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar nn-playground.jar [options]}: serves the playground. Each option falls back to the environment
 * variable named after it ({@code --max-points} → {@code NN_PLAYGROUND_MAX_POINTS}), then to its default.
 */
@Command(name = "java -jar nn-playground.jar", mixinStandardHelpOptions = true, version = "NN Playground 0.1",
        sortOptions = false, subcommands = TrainCommand.class,
        description = "Serves the playground (the site and its API) on one port.%n"
                + "Every option may also be set by the environment variable NN_PLAYGROUND_<OPTION>, "
                + "e.g. NN_PLAYGROUND_PORT=8080.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "0.0.0.0", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "" + ServerSettings.DEFAULT_PORT, description = "port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "nn-playground-data",
            description = "folder of the SQLite model store (default: ./${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "the model store's database, e.g. jdbc:postgresql://db/nn?user=nn (default: SQLite in --data)")
    String jdbcUrl;

    @Option(names = "--max-jobs", defaultValue = "" + ServerSettings.DEFAULT_MAX_JOBS,
            description = "concurrent training jobs; more get 429 (default: ${DEFAULT-VALUE})")
    int maxJobs;

    @Option(names = "--job-seconds", defaultValue = "" + ServerSettings.DEFAULT_JOB_TIME_LIMIT_SECONDS,
            description = "a job past this many seconds is stopped (default: ${DEFAULT-VALUE})")
    int jobSeconds;

    @Option(names = "--frame-ancestors", paramLabel = "SOURCES", defaultValue = "'self'",
            description = "who may frame the full site (default: ${DEFAULT-VALUE})")
    String frameAncestors;

    @Option(names = "--embed-ancestors", paramLabel = "SOURCES", defaultValue = "*",
            description = "who may frame the embed view, pages opened with ?embed=1 (default: ${DEFAULT-VALUE}, any site)")
    String embedAncestors;

    @Option(names = "--cors-origins", paramLabel = "A,B", split = ",", defaultValue = "",
            description = "origins allowed to call the API (default: none, CORS off)")
    List<String> corsOrigins;

    @Option(names = "--max-points", defaultValue = "20000", description = "data points per run (default: ${DEFAULT-VALUE})")
    int maxPoints;

    @Option(names = "--max-parameters", defaultValue = "200000",
            description = "trainable parameters per network (default: ${DEFAULT-VALUE})")
    int maxParameters;

    @Option(names = "--max-steps", defaultValue = "20000", description = "updates per run (default: ${DEFAULT-VALUE})")
    int maxSteps;

    @Option(names = "--max-activations", defaultValue = "" + TrainingLimits.DEFAULT_MAX_ACTIVATIONS,
            description = "memory per run: points × the widths of all layers × optimizers (default: ${DEFAULT-VALUE})")
    long maxActivations;

    @Option(names = "--gallery", defaultValue = "false", fallbackValue = "true", arity = "0..1",
            description = "let every visitor browse all saved models (default: ${DEFAULT-VALUE}: each sees their own)")
    boolean gallery;

    @Option(names = "--admin-key", paramLabel = "KEY", description = "a key that may change or delete any saved model; "
            + "better given as NN_PLAYGROUND_ADMIN_KEY, which process lists do not show (default: none)")
    String adminKey;

    @Option(names = "--writes-per-minute", defaultValue = "" + StoreSettings.DEFAULT_WRITES_PER_MINUTE,
            description = "saves, changes and stored datasets per client address a minute; more get 429 (default: ${DEFAULT-VALUE})")
    int writesPerMinute;

    @Option(names = "--store-quota-mb", defaultValue = "" + (StoreSettings.DEFAULT_QUOTA_BYTES >> 20),
            description = "largest size of the saved models and datasets together; more get 507 (default: ${DEFAULT-VALUE})")
    long storeQuotaMb;

    @Option(names = "--behind-proxy", defaultValue = "false", fallbackValue = "true", arity = "0..1",
            description = "a reverse proxy forwards the client's address in X-Forwarded-For (default: ${DEFAULT-VALUE})")
    boolean behindProxy;

    ServerSettings settings() {
        List<String> origins = corsOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        if (storeQuotaMb < 1 || storeQuotaMb > Long.MAX_VALUE >> 20) {
            throw new IllegalArgumentException("--store-quota-mb must be a positive number of megabytes, got " + storeQuotaMb);
        }
        return new ServerSettings(host, port, data, maxJobs, jobSeconds, frameAncestors, embedAncestors, origins,
                new TrainingLimits(maxPoints, maxParameters, maxSteps, maxActivations),
                new StoreSettings(gallery, adminKey, writesPerMinute, storeQuotaMb << 20), behindProxy,
                jdbcUrl == null || jdbcUrl.isBlank() ? null : jdbcUrl);
    }

    /** Serves until the process is stopped (Ctrl-C or a signal stops the server first). */
    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        try {
            // A name that does not resolve is not "a port in use", which is what binding would say.
            java.net.InetAddress.getByName(settings.host());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--host " + settings.host()
                    + " is not an address or a name this machine knows; use 0.0.0.0 (every interface) or 127.0.0.1");
        }
        checkPortFree(settings.host(), settings.port());
        Javalin app = PlaygroundApp.create(settings).start(settings.host(), settings.port());
        String shownHost = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
        System.out.println("NN Playground is running at http://" + shownHost + ":" + app.port() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        new java.util.concurrent.CountDownLatch(1).await();
        return 0;
    }

    /** Says so in one line when the port is taken, before the HTTP server would log its own failure. */
    private static void checkPortFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("port " + port + " is already in use on " + host
                    + "; stop the other server or choose another --port");
        }
    }

    /** Whole numbers for options, with a message that says what is wrong rather than "is not an int". */
    private static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(text.trim().matches("[+-]?[0-9]+")
                    ? "'" + text + "' is too large: at most " + Integer.MAX_VALUE
                    : "'" + text + "' is not a whole number");
        }
    }

    /** The command line with every option's fallback read from {@code env}. */
    static CommandLine commandLine(Map<String, String> env, boolean terminal) {
        CommandLine line = new CommandLine(new ServeCommand(), new TrainFactory(terminal));
        line.registerConverter(Integer.class, ServeCommand::wholeNumber);
        line.registerConverter(int.class, ServeCommand::wholeNumber);
        // A bad flag is one line and a pointer to --help, not the whole usage text.
        line.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("see: java -jar nn-playground.jar " + (e.getCommandLine().getCommand() instanceof TrainCommand
                    ? "train " : "") + "--help");
            return 2;
        });
        // Whatever escapes a command is one line on stderr, never a stack trace: 2 for bad input, 1 otherwise.
        line.setExecutionExceptionHandler((e, failed, parsed) -> {
            failed.getErr().println("error: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        line.setDefaultValueProvider(option -> option instanceof CommandLine.Model.OptionSpec
                && option.command().userObject() instanceof ServeCommand
                ? env.get(environmentName(((CommandLine.Model.OptionSpec) option).longestName())) : null);
        return line;
    }

    /** {@code --max-points} → {@code NN_PLAYGROUND_MAX_POINTS}. */
    static String environmentName(String option) {
        return "NN_PLAYGROUND_" + option.replaceFirst("^--", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    /** Builds the train subcommand with whether its output is a terminal (for the progress bar). */
    private record TrainFactory(boolean terminal) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == TrainCommand.class) {
                return cls.cast(new TrainCommand(terminal));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
