package dev.refer.testkit.webhooks;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The company's webhook endpoint in tests and the benchmark: an HTTPS server on loopback with a certificate made by
 * the JDK's keytool for {@code localhost} (a client trusting {@link #clientTls()} trusts it, and only it), recording
 * each request and answering {@link #answer}.
 */
public final class HttpsReceiver implements AutoCloseable {

    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    public final List<Received> received = new CopyOnWriteArrayList<>();
    /** The status every request is answered with. */
    public volatile int answer = 204;
    /** A {@code Location} header to answer with, or null. */
    public volatile String location;
    /** Whether requests are recorded (a benchmark turns it off). */
    public volatile boolean recording = true;
    private final HttpsServer server;
    private final SSLContext clientTls;

    public HttpsReceiver() throws Exception {
        char[] password = "changeit".toCharArray();
        Path dir = Files.createTempDirectory("receiver");
        Path store = dir.resolve("receiver.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, password);
        }
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(keys, password);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(km.getKeyManagers(), null, null);
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(keys);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tm.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (recording) {
                    received.add(new Received(exchange.getRequestURI().getPath(),
                            Map.copyOf(exchange.getRequestHeaders()), body));
                }
                if (location != null) {
                    exchange.getResponseHeaders().add("Location", location);
                }
                exchange.sendResponseHeaders(answer, -1);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        server.start();
    }

    public URI url(String path) {
        return URI.create("https://localhost:" + server.getAddress().getPort() + path);
    }

    /** The client side's trust: this receiver's certificate alone. */
    public SSLContext clientTls() {
        return clientTls;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
