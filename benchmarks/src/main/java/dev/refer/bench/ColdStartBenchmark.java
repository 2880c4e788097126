package dev.refer.bench;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.Reward;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.emulators.DynamoDbLocal;
import dev.refer.emulators.FunctionDef;
import dev.refer.emulators.SamTemplate;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Cold start as the managed java21 runtime boots a function: for each function of template.yaml a fresh JVM runs
 * the function's packaged jar under the AWS Lambda Java runtime interface client, with the template's handler string
 * and environment, fed one real event by a Runtime API stand-in on loopback, against DynamoDB Local. Measured from
 * just before the process starts to the response arriving, next to a hello-world handler booted the same way in the
 * same run (runs interleaved, medians compared), so the ratio holds on a busy machine where absolute times do not.
 * Booting every function from its template entry is itself the check that each one can.
 *
 * <p>System properties: {@code bench.cold.runs} (timed runs per function and of the hello baseline, default 10),
 * {@code bench.cold.snapstart.runs} (timed runs per SnapStart simulation, default 5, at most {@code bench.cold.runs};
 * spread evenly over the runs so they stay interleaved with the baseline) and {@code bench.cold.timeout.seconds}
 * (per boot, default 120).
 *
 * <p>Why the SnapStart simulations boot half as often: they are 13 of the 30 targets, so at 10 runs they took about
 * 130 s of the default suite; their medians at 5 runs stay within the run-to-run spread of those at 10
 * (docs/performance.md). The plain boots, the baseline and the redirect's library probes keep 10.
 */
public final class ColdStartBenchmark {

    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String HELLO_HANDLER = "dev.refer.bench.hello.HelloHandler::handleRequest";
    static final String HELLO = "hello";
    private static final String LINK_CODE = "cold-start";

    private final BenchContext context;
    private final int runs;
    private final int snapStartRuns;
    private final Duration timeout;

    public ColdStartBenchmark(BenchContext context) {
        this.context = context;
        this.runs = Integer.getInteger("bench.cold.runs", 10);
        this.snapStartRuns = Math.min(runs, Integer.getInteger("bench.cold.snapstart.runs", 5));
        this.timeout = Duration.ofSeconds(Integer.getInteger("bench.cold.timeout.seconds", 120));
        if (runs < 1 || snapStartRuns < 1) {
            throw new IllegalArgumentException("bench.cold.runs and bench.cold.snapstart.runs must be at least 1");
        }
    }

    /**
     * One thing to boot: a function of the template, the hello-world baseline, a function under the SnapStart
     * simulation, or a probe of the redirect on the libraries.
     *
     * @param classpath the jars, as {@code java -cp} takes them (a {@code dir/*} entry is every jar in dir)
     */
    record Target(String name, String functionName, String handler, String classpath, int memoryMb,
                  Map<String, String> environment, ColdEvents.ColdEvent event) {
    }

    static final String SNAPSTART_HANDLER = "dev.refer.bench.hello.SnapStartSimulation::handleRequest";
    static final String SNAPSTART = "snapstart-";
    static final String PROBE_JACKSON = "probe-redirect-jackson";
    static final String PROBE_SIGNER_OURS = "probe-signer-ours";
    static final String PROBE_SIGNER_SDK = "probe-signer-sdk";

    /** One boot's figures, in nanoseconds from just before the process started. */
    record Boot(long initNanos, long totalNanos, long classes) {
        long invokeNanos() {
            return totalNanos - initNanos;
        }
    }

    public List<Metric> run() {
        Path work = createTempDirectory();
        try {
            // developer knobs: bench.cold.only=hello,redirect limits the targets; bench.cold.keep keeps the logs
            String only = System.getProperty("bench.cold.only");
            List<Target> targets = targets(work).stream()
                    .filter(t -> only == null || List.of(only.split(",")).contains(t.name())).toList();
            Path ric = runtimeInterfaceClient();
            Booter booter = new Booter(work, ric, timeout);

            // 1. One boot each with class loading logged: the classes a first request loads. Also a warm-up (file
            //    cache, the RIC's native library) and the check that every function boots from its template entry,
            //    reporting every one that does not before giving up. A SnapStart simulation runs the function's jar
            //    and the hello jar, both warm by then, and its classes are not a figure: its first timed boot is its
            //    check (step 2), which saves a boot of each.
            Map<String, Long> classes = new LinkedHashMap<>();
            List<String> failures = new ArrayList<>();
            for (Target target : targets) {
                if (target.name().startsWith(SNAPSTART)) {
                    continue;
                }
                try {
                    Boot boot = booter.boot(target, true);
                    classes.put(target.name(), boot.classes());
                    System.err.printf("cold %s: boots from its template entry (%s): %d classes loaded by the first"
                            + " request%n", target.name(), target.event().describe(), boot.classes());
                } catch (ColdBootException e) {
                    failures.add(target.name() + " (" + target.handler() + "): " + e.getMessage());
                    System.err.println("COLD START FAILED: " + target.name() + " (" + target.handler() + ") does not"
                            + " boot from its template entry:\n  " + e.getMessage());
                }
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.size() + " of " + targets.size() + " cold boots failed:\n  "
                        + String.join("\n  ", failures));
            }

            // 2. Timed boots, interleaved: run 1 boots hello and every function once, then run 2, ... (a SnapStart
            //    simulation only in its share of the runs, spread over all of them)
            Map<String, List<Boot>> boots = new LinkedHashMap<>();
            targets.forEach(target -> boots.put(target.name(), new ArrayList<>()));
            for (int run = 1; run <= runs; run++) {
                for (Target target : targets) {
                    int targetRuns = runsOf(target);
                    if (!bootsIn(run, targetRuns)) {
                        continue;
                    }
                    Boot boot;
                    try {
                        boot = booter.boot(target, false);
                    } catch (ColdBootException e) {
                        System.err.println("COLD START FAILED: " + target.name() + " in run " + run + ": "
                                + e.getMessage());
                        if (classes.containsKey(target.name()) || !boots.get(target.name()).isEmpty()) {
                            throw new IllegalStateException("cold boot of " + target.name() + " (" + target.handler()
                                    + ") failed in run " + run + ": " + e.getMessage(), e);
                        }
                        // its first boot, the check step 1 did not make: report every such failure of this run
                        failures.add(target.name() + " (" + target.handler() + "): " + e.getMessage());
                        continue;
                    }
                    boots.get(target.name()).add(boot);
                    System.err.printf("cold run %d/%d %-28s %7.1f ms (init %7.1f, first request %6.1f)%n",
                            boots.get(target.name()).size(), targetRuns, target.name(), ms(boot.totalNanos()),
                            ms(boot.initNanos()), ms(boot.invokeNanos()));
                }
                if (!failures.isEmpty()) {
                    throw new IllegalStateException(failures.size() + " of " + targets.size() + " cold boots failed"
                            + " (with their SnapStart hooks):\n  " + String.join("\n  ", failures));
                }
            }
            return metrics(targets, boots, classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            if (Boolean.getBoolean("bench.cold.keep")) {
                System.err.println("cold boot logs kept in " + work);
            } else {
                deleteRecursively(work);
            }
        }
    }

    /** Timed runs of a target: {@link #snapStartRuns} for a SnapStart simulation, {@link #runs} for the rest. */
    private int runsOf(Target target) {
        return target.name().startsWith(SNAPSTART) ? snapStartRuns : runs;
    }

    /** Whether a target timed {@code targetRuns} times boots in {@code run} (1-based) of {@link #runs}: evenly spread. */
    private boolean bootsIn(int run, int targetRuns) {
        return (long) run * targetRuns / runs > (long) (run - 1) * targetRuns / runs;
    }

    private List<Metric> metrics(List<Target> targets, Map<String, List<Boot>> boots, Map<String, Long> classes) {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("cold.runs", runs));
        metrics.add(Metric.of("cold.snapstart.runs", snapStartRuns));
        double hello = median(boots.get(HELLO), Boot::totalNanos);
        for (Target target : targets) {
            String name = target.name();
            if (name.startsWith(SNAPSTART) || name.startsWith("probe-")) {
                continue;
            }
            List<Boot> list = boots.get(name);
            double total = median(list, Boot::totalNanos);
            metrics.add(Metric.of("cold." + name + ".ms", ms(total), 1));
            metrics.add(Metric.of("cold." + name + ".init.ms", ms(median(list, Boot::initNanos)), 1));
            metrics.add(Metric.of("cold." + name + ".invoke.ms", ms(median(list, Boot::invokeNanos)), 1));
            if (!name.equals(HELLO)) {
                metrics.add(Metric.of("cold." + name + ".ratio", total / hello, 2));
            }
            metrics.add(Metric.of("cold." + name + ".classes", classes.get(name)));
        }
        // SnapStart: init and the function's priming hooks before the snapshot; the first real request after it
        for (Target target : targets) {
            if (!target.name().startsWith(SNAPSTART)) {
                continue;
            }
            String function = target.name().substring(SNAPSTART.length());
            List<Boot> list = boots.get(target.name());
            double first = median(list, Boot::invokeNanos);
            metrics.add(Metric.of("snapstart." + function + ".init.ms", ms(median(list, Boot::initNanos)), 1));
            metrics.add(Metric.of("snapstart." + function + ".first.ms", ms(first), 1));
            metrics.add(Metric.of("snapstart." + function + ".first.ratio", first / hello, 2));
        }
        if (boots.containsKey("redirect")) {
            double redirect = median(boots.get("redirect"), Boot::totalNanos);
            metrics.add(Metric.of("redirect.cold.ratio", redirect / hello, 2));
            // what the libraries would cost the redirect, booted the same way in the same run
            if (boots.containsKey(PROBE_JACKSON)) {
                metrics.add(Metric.of("redirect.cold.jackson_events.ratio",
                        median(boots.get(PROBE_JACKSON), Boot::totalNanos) / hello, 2));
            }
            if (boots.containsKey(PROBE_SIGNER_OURS) && boots.containsKey(PROBE_SIGNER_SDK)) {
                double extra = median(boots.get(PROBE_SIGNER_SDK), Boot::totalNanos)
                        - median(boots.get(PROBE_SIGNER_OURS), Boot::totalNanos);
                metrics.add(Metric.of("redirect.sdk_signer.extra.ms", ms(extra), 1));
                metrics.add(Metric.of("redirect.cold.sdk_signer.ratio", (redirect + extra) / hello, 2));
            }
        }
        return metrics;
    }

    // ---- what to boot -------------------------------------------------------------------------------------------

    private List<Target> targets(Path work) throws IOException {
        SamTemplate template = context.template();
        String table = context.newTable("refer-cold");
        Seeded seeded = seed(table);
        Map<String, String> refs = new java.util.HashMap<>(Map.of(
                BenchContext.TABLE_LOGICAL_ID, table,
                "ProgramId", BenchContext.PROGRAM_ID));
        refs.putAll(context.mailAndQueueRefs());
        refs.put("WebhookSecret", context.webhookSecretName()); // the template's generated secret, in moto
        Path taskRoot = Files.createDirectories(work.resolve("task"));
        ColdEvents events = new ColdEvents(table, LINK_CODE, seeded.partnerId(), context.webhookSecret(),
                memoized(() -> signInToPortal(template, refs, taskRoot)))
                .withStripeSecret(context.stripeWebhookSecret());

        List<Target> targets = new ArrayList<>();
        Path helloJar = context.repository().resolve("benchmarks/hello/target/hello-lambda.jar");
        if (!Files.isRegularFile(helloJar)) {
            throw new IllegalStateException(helloJar + " is missing: build first (./mvnw -DskipTests package)");
        }
        FunctionDef helloDef = globalsOnly(template.functions());
        targets.add(new Target(HELLO, "HelloFunction", HELLO_HANDLER, helloJar.toString(), helloDef.memorySizeMb(),
                lambdaEnvironment(template.resolveEnvironment(helloDef, refs), "HelloFunction", HELLO_HANDLER,
                        helloDef.memorySizeMb(), taskRoot), events.hello()));
        List<Target> simulated = new ArrayList<>();
        for (FunctionDef function : template.functions()) {
            String module = module(function);
            String name = name(function);
            String handler = function.handlerClass() + "::" + function.handlerMethod();
            Map<String, String> environment = lambdaEnvironment(template.resolveEnvironment(function, refs),
                    function.logicalId(), handler, function.memorySizeMb(), taskRoot);
            ColdEvents.ColdEvent event = events.forFunction(function);
            Path jar = context.lambdaJar(module);
            targets.add(new Target(name, function.logicalId(), handler, jar.toString(), function.memorySizeMb(),
                    environment, event));
            // the same function as SnapStart runs it: init and its priming hooks, then the first request
            Map<String, String> snapStart = new LinkedHashMap<>(environment);
            snapStart.put("_HANDLER", SNAPSTART_HANDLER);
            snapStart.put("REFER_BENCH_HANDLER", function.handlerClass());
            simulated.add(new Target(SNAPSTART + name, function.logicalId(), SNAPSTART_HANDLER,
                    jar + File.pathSeparator + helloJar, function.memorySizeMb(), snapStart, event));
            if (module.equals("redirect")) {
                String probeClasspath = helloJar + File.pathSeparator + jar + File.pathSeparator
                        + helloJar.resolveSibling("probe-libs").resolve("*");
                simulated.add(probe(PROBE_JACKSON, "dev.refer.redirect.RedirectOnJackson::handleRequest",
                        probeClasspath, function, environment, event, Map.of()));
                simulated.add(probe(PROBE_SIGNER_OURS, "dev.refer.dynamodb.lite.SignerProbe::handleRequest",
                        probeClasspath, function, environment, event, Map.of("REFER_BENCH_SIGNER", "ours")));
                simulated.add(probe(PROBE_SIGNER_SDK, "dev.refer.dynamodb.lite.SignerProbe::handleRequest",
                        probeClasspath, function, environment, event, Map.of("REFER_BENCH_SIGNER", "sdk")));
            }
        }
        if (!Boolean.getBoolean("bench.cold.plainOnly")) {
            targets.addAll(simulated);
        }
        return targets;
    }

    private static Target probe(String name, String handler, String classpath, FunctionDef function,
                                Map<String, String> environment, ColdEvents.ColdEvent event, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("_HANDLER", handler);
        env.putAll(extra);
        return new Target(name, function.logicalId(), handler, classpath, function.memorySizeMb(), env, event);
    }

    /**
     * The function's name in the figures: its logical id without "Function", in kebab case (RedirectFunction is
     * "redirect", ClickRollupFunction "click-rollup"), so two functions of one module are told apart.
     */
    static String name(FunctionDef function) {
        String id = function.logicalId().endsWith("Function")
                ? function.logicalId().substring(0, function.logicalId().length() - "Function".length())
                : function.logicalId();
        return id.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code functions/<module>/target/<module>-lambda.jar}: the module is the directory under functions/. */
    static String module(FunctionDef function) {
        Path codeUri = Path.of(function.codeUri()).normalize();
        for (int i = 0; i + 1 < codeUri.getNameCount(); i++) {
            if (codeUri.getName(i).toString().equals("functions")) {
                return codeUri.getName(i + 1).toString();
            }
        }
        throw new IllegalStateException(function.logicalId() + ".CodeUri " + function.codeUri()
                + " is not under functions/<module>/");
    }

    /**
     * The hello baseline gets what template.yaml gives every function (Globals: the table, the program, the cache TTL
     * and JAVA_TOOL_OPTIONS when set), i.e. the variables all functions share with the same value, and their common memory size.
     */
    private static FunctionDef globalsOnly(List<FunctionDef> functions) {
        Map<String, Object> shared = new LinkedHashMap<>(functions.getFirst().rawEnvironment());
        for (FunctionDef function : functions) {
            shared.entrySet().removeIf(e -> !Objects.equals(function.rawEnvironment().get(e.getKey()), e.getValue()));
        }
        Map<Integer, Long> memory = new HashMap<>();
        functions.forEach(f -> memory.merge(f.memorySizeMb(), 1L, Long::sum));
        int memorySize = memory.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        FunctionDef first = functions.getFirst();
        return new FunctionDef("HelloFunction", "dev.refer.bench.hello.HelloHandler", "handleRequest",
                "benchmarks/hello/target/hello-lambda.jar", shared, List.of(), List.of(), List.of(),
                first.timeoutSeconds(), memorySize);
    }

    /**
     * The process environment, built like Lambda's: the template's resolved variables, then the variables Lambda
     * itself sets, pointed at DynamoDB Local and the stand-in (its address is added per boot). Nothing is inherited
     * from this process.
     */
    private Map<String, String> lambdaEnvironment(Map<String, String> templateVariables, String functionName,
                                                  String handler, int memoryMb, Path taskRoot) {
        Map<String, String> env = new LinkedHashMap<>(templateVariables);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", DynamoDbLocal.ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", DynamoDbLocal.SECRET_ACCESS_KEY);
        env.putAll(context.awsEndpoints());
        env.put("_HANDLER", handler);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]cold");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LANG", "en_US.UTF-8");
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("TZ", ":UTC");
        return env;
    }

    private record Seeded(String partnerId) {
    }

    private static java.util.function.Supplier<String> memoized(java.util.function.Supplier<String> supplier) {
        String[] value = new String[1];
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            return value[0];
        };
    }

    /**
     * The seeded partner signs in to the portal once, as a person does (the link from moto's outbox, its button),
     * through a portal handler with the template's environment: its session cookie then opens the dashboard for every
     * cold boot (same key in moto's Secrets Manager, same session item in the table).
     */
    private String signInToPortal(SamTemplate template, Map<String, String> refs, Path taskRoot) {
        FunctionDef portal = template.functions().stream().filter(f -> f.logicalId().equals("PortalFunction"))
                .findFirst().orElseThrow(() -> new IllegalStateException("template.yaml has no PortalFunction"));
        Map<String, String> env = lambdaEnvironment(template.resolveEnvironment(portal, refs), "PortalFunction",
                portal.handlerClass() + "::" + portal.handlerMethod(), portal.memorySizeMb(), taskRoot);
        env.put("SIGNIN_ANSWER_FLOOR_MILLIS", "0");
        context.pointSdkAtDynamoDb(); // this JVM's SDK: DynamoDB Local's credentials (the same keys moto takes)
        return dev.refer.testkit.portal.PortalSignIn.throughHandler(new dev.refer.portal.PortalHandler(env),
                new dev.refer.testkit.mail.SesOutbox(context.moto().endpoint()), "cold@partner.example").cookie();
    }

    /** Program (EUR, 30/30 days, 20 % plan), one active partner, one enabled link, through the production adapters. */
    private Seeded seed(String table) {
        TableConfig config = new TableConfig(table, new ProgramId(BenchContext.PROGRAM_ID));
        new DynamoDbProgramRepository(context.client(), config).save(new Program(config.programId(),
                Currency.getInstance("EUR"), 30, 30,
                new CommissionPlan(new Reward.Percent(2000), null, Money.of(2500, "EUR")),
                List.of("example.com"), List.of("https://www.example.com")));
        Partner partner = new Partner(new PartnerId(new UlidGenerator(Clock.systemUTC()).newId()), "Cold Partner",
                new EmailAddress("cold@partner.example"), null, PartnerStatus.ACTIVE, null, Instant.now());
        new DynamoDbPartnerRepository(context.client(), config).create(partner);
        new DynamoDbLinkRepository(context.client(), config).create(new Link(new LinkCode(LINK_CODE), partner.id(),
                URI.create("https://example.com/pricing?plan=pro"), "bench", true, true, Instant.now()));
        return new Seeded(partner.id().value());
    }

    private Path runtimeInterfaceClient() throws IOException {
        Path ric = context.repository().resolve("benchmarks/target/ric");
        try (Stream<Path> jars = Files.isDirectory(ric) ? Files.list(ric) : Stream.empty()) {
            if (jars.noneMatch(jar -> jar.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))) {
                throw new IllegalStateException(ric + " holds no aws-lambda-java-runtime-interface-client jar: build"
                        + " the benchmarks module first (./mvnw -DskipTests package -pl benchmarks -am)");
            }
        }
        return ric;
    }

    // ---- one boot -----------------------------------------------------------------------------------------------

    /** Boots targets one at a time, each in a fresh JVM with its own Runtime API stand-in. */
    private static final class Booter {

        private final Path work;
        private final Path ric;
        private final Duration timeout;
        private final String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        private int count;

        Booter(Path work, Path ric, Duration timeout) {
            this.work = work;
            this.ric = ric;
            this.timeout = timeout;
        }

        Boot boot(Target target, boolean logClasses) throws ColdBootException, IOException, InterruptedException {
            int number = ++count;
            Path output = work.resolve("boot-" + number + "-" + target.name() + ".log");
            Path classLog = work.resolve("boot-" + number + "-" + target.name() + ".classes");
            String requestId = UUID.randomUUID().toString();
            String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + target.functionName();
            byte[] event = target.event().next();
            try (RuntimeApiStandIn runtimeApi = new RuntimeApiStandIn(event, requestId, arn)) {
                List<String> command = new ArrayList<>(List.of(javaCommand, "-XX:+TieredCompilation",
                        "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
                if (logClasses) {
                    command.add("-Xlog:class+load:file=" + classLog);
                }
                String extra = System.getProperty("bench.cold.jvmFlags", "").strip();
                if (!extra.isEmpty()) {
                    command.addAll(List.of(extra.split("\\s+")));
                }
                command.addAll(List.of("-cp", target.classpath() + File.pathSeparator + ric.resolve("*"), RIC_MAIN,
                        target.handler()));
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(Path.of(target.environment().get("LAMBDA_TASK_ROOT")).toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().clear();
                builder.environment().putAll(target.environment());
                builder.environment().put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());

                long start = System.nanoTime();
                Process process = builder.start();
                try {
                    RuntimeApiStandIn.Answer answer;
                    try {
                        answer = runtimeApi.await(process, timeout);
                    } catch (ColdBootException e) {
                        throw new ColdBootException(e.getMessage() + "\n  process output:\n" + tail(output));
                    }
                    long classes = logClasses ? countClasses(classLog) : -1;
                    String wrong = target.event().check(answer.body());
                    if (wrong != null) {
                        throw new ColdBootException("wrong answer to " + target.event().describe() + ": " + wrong
                                + "\n  process output:\n" + tail(output));
                    }
                    return new Boot(answer.firstNextNanos() - start, answer.responseNanos() - start, classes);
                } finally {
                    destroy(process);
                    if (!Boolean.getBoolean("bench.cold.keep")) {
                        Files.deleteIfExists(output);
                        Files.deleteIfExists(classLog);
                    }
                }
            }
        }

        private static void destroy(Process process) throws InterruptedException {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("process " + process.pid() + " did not stop within 30 s");
            }
        }

        private static long countClasses(Path classLog) throws IOException {
            try (Stream<String> lines = Files.lines(classLog, StandardCharsets.UTF_8)) {
                return lines.filter(line -> line.contains("[class,load]")).count();
            }
        }

        private static String tail(Path output) {
            try {
                List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
                List<String> last = lines.subList(Math.max(0, lines.size() - 40), lines.size());
                return last.isEmpty() ? "    (none)" : "    " + String.join("\n    ", last);
            } catch (IOException e) {
                return "    (unreadable: " + e.getMessage() + ")";
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static double median(List<Boot> boots, java.util.function.ToLongFunction<Boot> value) {
        long[] values = boots.stream().mapToLong(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("refer-cold-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("cold: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
