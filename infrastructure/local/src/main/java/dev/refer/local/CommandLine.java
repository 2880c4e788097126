package dev.refer.local;

/** The local stack's command line: {@code [--demo] [--port N]}. */
final class CommandLine {

    static final String USAGE = """
            usage: java -jar refer-local.jar [--demo] [--port N]
              --port N   port of the HTTP gateway on 127.0.0.1 (default 3000, 0 picks a free port)
              --demo     seed a program, a partner and a short link through the admin API
            environment: REFER_ADMIN_KEY (admin key, else random), REFER_WEBHOOK_SECRET (whsec_..., else random),
              REFER_STRIPE_WEBHOOK_SECRET (the whsec_... of stripe listen, else random)""";

    private CommandLine() {
    }

    /** The options, or null when help was asked for. */
    static LocalStack.Options parse(String[] args, LocalStack.Options defaults) {
        LocalStack.Options options = defaults;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> options = options.withDemo(true);
                case "--port" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--port needs a number");
                    }
                    options = options.withPort(port(args[++i]));
                }
                case "-h", "--help" -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return options;
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number from 0 to 65535, not " + text);
        }
    }
}
