package dev.refer.outbound;

import dev.refer.core.outbound.DeliverWebhook;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Map;

/**
 * POSTs a delivery with Apache HttpClient 5, whose connections go only where {@link PublicOnlyDnsResolver} lets them
 * (the check at connect time that makes DNS rebinding useless). Redirects are not followed (a 3xx is a failed
 * attempt: a redirect could point inside), nothing is retried here (the queue retries with backoff), cookies are not
 * kept, the answer's body is never read. 5 seconds to connect, 10 to answer; connections are pooled per host.
 */
final class HttpTransport implements DeliverWebhook.Transport, AutoCloseable {

    static final Timeout CONNECT = Timeout.ofSeconds(5);
    static final Timeout ANSWER = Timeout.ofSeconds(10);
    static final String USER_AGENT = "refer-webhooks/1 (+https://www.standardwebhooks.com/)";

    private final CloseableHttpClient client;

    HttpTransport(DnsResolver resolver, SSLContext tls) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(resolver)
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(tls))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT)
                                .setSocketTimeout(ANSWER).build())
                        .setMaxConnPerRoute(10).setMaxConnTotal(50)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(ANSWER).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(USER_AGENT)
                .build();
    }

    /** Production: the system's name service behind the public-address check, the JDK's trust store. */
    static HttpTransport strict() {
        try {
            return new HttpTransport(PublicOnlyDnsResolver.strict(), SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code address} is the worker's own check; the connection resolves again through the resolver. */
    @Override
    public int post(URI url, InetAddress address, Map<String, String> headers, String body) throws IOException {
        HttpPost post = new HttpPost(url);
        headers.forEach((name, value) -> {
            if (!"content-type".equalsIgnoreCase(name)) {
                post.setHeader(name, value);
            }
        });
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        try (ClassicHttpResponse response = client.executeOpen(null, post, null)) {
            return response.getCode(); // closed unread: the connection is dropped rather than drained
        }
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
