package dev.refer.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The moto server ({@code python3 -m moto.server}) as a child process on loopback: the emulator for SES v2 and every
 * other AWS API we call besides DynamoDB. The SDK reaches it through an endpoint override; tests read what was "sent"
 * through moto's own API.
 */
public final class MotoServer implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final String MOTO_MODULE = "moto.server";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final URI endpoint;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread shutdownHook;

    private MotoServer(Process process, URI endpoint, Path logFile) {
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::destroy, "moto-shutdown");
        if (process != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Starts moto on a free port with its output in {@code target/moto-<port>.log} under the working directory.
     * A port found free can be taken before moto binds it, so a lost race is retried on another port.
     */
    public static MotoServer start() {
        if (Emulators.onLocalStack()) {
            return new MotoServer(null, Emulators.localStackEndpoint(), null);
        }
        for (int attempt = 1; ; attempt++) {
            int port = FreePort.find();
            Path logFile = Path.of("target", "moto-" + port + ".log");
            try {
                return start(port, logFile);
            } catch (MotoUnavailableException e) {
                if (attempt == 3 || !e.getMessage().contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    /** Starts moto on {@code port} and waits until it answers, at most 30 seconds. */
    public static MotoServer start(int port, Path logFile) {
        return start(MOTO_MODULE, port, logFile);
    }

    /** Tests name a Python module that does not exist to see what a machine without moto gets. */
    static MotoServer start(String pythonModule, int port, Path logFile) {
        Process process = launch(pythonModule, port, logFile);
        MotoServer server = new MotoServer(process, URI.create("http://" + LOOPBACK + ":" + port), logFile);
        try {
            server.awaitReady();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private static Process launch(String pythonModule, int port, Path logFile) {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    "python3", "-m", pythonModule, "-H", LOOPBACK, "-p", Integer.toString(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            builder.environment().put("PYTHONUNBUFFERED", "1");
            return builder.start();
        } catch (IOException e) {
            throw new MotoUnavailableException("cannot run python3 (" + e.getMessage() + ")", e);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new MotoUnavailableException("the moto server exited with status " + process.exitValue()
                        + " (output in " + logFile.toAbsolutePath() + ": " + lastLines() + ")");
            }
            if (answers()) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new MotoUnavailableException("the moto server did not answer on " + endpoint + " within "
                + START_TIMEOUT.toSeconds() + " s (output in " + logFile.toAbsolutePath() + ")");
    }

    private boolean answers() {
        try {
            return send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).GET()).statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false; // not listening yet
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Everything moto holds, as JSON: {@code ses} → {@code Message} / {@code RawMessage} are the mails sent. */
    public String sentEmailsJson() {
        return send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json")).GET()).body();
    }

    /** Forgets every resource and sent message, as if freshly started. */
    public void reset() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("moto reset answered " + response.statusCode() + ": " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("moto at " + endpoint + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling moto", e);
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return; // LocalStack's container lives as long as the JVM
        }
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    /** Stops moto and anything it spawned, politely first. */
    private void destroy() {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String lastLines() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for moto", e);
        }
    }
}
