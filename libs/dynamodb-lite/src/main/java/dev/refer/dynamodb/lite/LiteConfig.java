package dev.refer.dynamodb.lite;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the client sends requests and where it finds credentials, read once from the same standard settings the AWS
 * SDK reads, so one deployment (or the local stack, or a test) configures the SDK-based functions and this client
 * alike. Credentials themselves are not fetched here: the container endpoint is called at the first request.
 *
 * @param environmentCredentials          {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 *                                        {@code AWS_SESSION_TOKEN}; null unless the key id and the secret are set
 * @param containerCredentialsUri         the container credentials endpoint (what Lambda gives a SnapStart
 *                                        function), or null
 * @param containerAuthorizationToken     sent as {@code Authorization} to that endpoint, or null
 * @param containerAuthorizationTokenFile a file holding that token (read at each fetch), used when no token is set;
 *                                        or null
 * @param systemPropertyCredentials       {@code aws.accessKeyId}, {@code aws.secretAccessKey},
 *                                        {@code aws.sessionToken} (the local stack and tests), or null
 */
public record LiteConfig(String region, URI endpoint, Credentials environmentCredentials,
                         URI containerCredentialsUri, String containerAuthorizationToken,
                         String containerAuthorizationTokenFile, Credentials systemPropertyCredentials) {

    /** The ECS agent's address, which AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is relative to. */
    private static final String CONTAINER_SERVICE_ENDPOINT = "http://169.254.170.2";

    public LiteConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * Reads the settings.
     * <ul>
     *   <li>Region: {@code AWS_REGION}, else the {@code aws.region} property (as {@code DynamoDbClients} does).</li>
     *   <li>Endpoint: the function's own variables {@code AWS_ENDPOINT_URL_DYNAMODB} then {@code AWS_ENDPOINT_URL}
     *       (as {@code AwsClients} reads them for the SDK clients: a function's environment names its endpoints, and
     *       the local stack gives each function its own), then the properties {@code aws.endpointUrlDynamoDb} then
     *       {@code aws.endpointUrl}, else {@code https://dynamodb.{region}.amazonaws.com}.</li>
     *   <li>Container endpoint, in the SDK's order ({@code ContainerCredentialsProvider}; each setting as property,
     *       else variable): {@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} / {@code aws.containerCredentialsPath}
     *       (relative to 169.254.170.2), else {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} /
     *       {@code aws.containerCredentialsFullUri}; the token from {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} /
     *       {@code aws.containerAuthorizationToken}, else from the file named by
     *       {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} / {@code aws.containerAuthorizationTokenFile} (the order of
     *       SDK 2.54's {@code getTokenValue}).</li>
     * </ul>
     *
     * @throws IllegalStateException naming AWS_REGION when no region is set, or naming the setting that holds an
     *                               unusable endpoint
     */
    public static LiteConfig from(Map<String, String> env, Properties systemProperties) {
        String region = value(env.get("AWS_REGION"));
        if (region == null) {
            region = value(systemProperties.getProperty("aws.region"));
        }
        if (region == null) {
            throw new IllegalStateException("AWS_REGION is not set: set the AWS_REGION environment variable"
                    + " (or the aws.region system property)");
        }
        return new LiteConfig(region,
                resolveEndpoint(env, systemProperties, region),
                Credentials.of(env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"),
                        env.get("AWS_SESSION_TOKEN")),
                containerCredentialsUri(env, systemProperties),
                setting(env, systemProperties, "AWS_CONTAINER_AUTHORIZATION_TOKEN", "aws.containerAuthorizationToken"),
                setting(env, systemProperties, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
                        "aws.containerAuthorizationTokenFile"),
                Credentials.of(systemProperties.getProperty("aws.accessKeyId"),
                        systemProperties.getProperty("aws.secretAccessKey"),
                        systemProperties.getProperty("aws.sessionToken")));
    }

    /** The process's own environment and system properties. */
    public static LiteConfig fromSystem() {
        return from(System.getenv(), System.getProperties());
    }

    private static URI resolveEndpoint(Map<String, String> env, Properties properties, String region) {
        String[][] sources = {
                {"environment variable AWS_ENDPOINT_URL_DYNAMODB", env.get("AWS_ENDPOINT_URL_DYNAMODB")},
                {"environment variable AWS_ENDPOINT_URL", env.get("AWS_ENDPOINT_URL")},
                {"system property aws.endpointUrlDynamoDb", properties.getProperty("aws.endpointUrlDynamoDb")},
                {"system property aws.endpointUrl", properties.getProperty("aws.endpointUrl")}};
        for (String[] source : sources) {
            String value = value(source[1]);
            if (value != null) {
                return checkedEndpoint(value, source[0]);
            }
        }
        // The regional endpoint; China's regions live under amazonaws.com.cn.
        String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return checkedEndpoint("https://dynamodb." + region + "." + domain, "AWS_REGION");
    }

    /** Requests go to "/" of the endpoint: a path, query or user info would change what is signed, so none is allowed. */
    private static URI checkedEndpoint(String value, String source) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the DynamoDB endpoint in " + source + " is not a URL: " + value);
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        String path = uri.getRawPath();
        if (!http || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || (path != null && !path.isEmpty() && !path.equals("/"))) {
            throw new IllegalStateException("the DynamoDB endpoint in " + source
                    + " must be http(s)://host[:port] with no path: " + value);
        }
        return uri;
    }

    private static URI containerCredentialsUri(Map<String, String> env, Properties properties) {
        String relative = setting(env, properties, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                "aws.containerCredentialsPath");
        if (relative != null) {
            String base = setting(env, properties, "AWS_CONTAINER_SERVICE_ENDPOINT", "aws.containerServiceEndpoint");
            return checkedContainerUri((base == null ? CONTAINER_SERVICE_ENDPOINT : base) + relative,
                    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        }
        String full = setting(env, properties, "AWS_CONTAINER_CREDENTIALS_FULL_URI", "aws.containerCredentialsFullUri");
        return full == null ? null : checkedContainerUri(full, "AWS_CONTAINER_CREDENTIALS_FULL_URI");
    }

    /**
     * As the SDK: plain http only to this machine or the container agents' link-local addresses, so the
     * authorization token and the credentials never cross a network unencrypted.
     */
    private static URI checkedContainerUri(String value, String setting) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(setting + " does not make a URL: " + value);
        }
        if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
            return uri;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || !isAllowedHttpHost(uri.getHost())) {
            throw new IllegalStateException(setting + " (" + value + ") must be https, or http to a loopback"
                    + " address (or 169.254.170.2, 169.254.170.23, fd00:ec2::23)");
        }
        return uri;
    }

    private static boolean isAllowedHttpHost(String host) {
        if (host == null) {
            return false;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                String ip = address.getHostAddress();
                boolean allowed = address.isLoopbackAddress() || ip.equals("169.254.170.2")
                        || ip.equals("169.254.170.23") || ip.equals("fd00:ec2:0:0:0:0:0:23");
                if (!allowed) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An SDK system setting: the system property wins over the environment variable (SdkSystemSetting's order). */
    private static String setting(Map<String, String> env, Properties properties, String variable, String property) {
        String value = value(properties.getProperty(property));
        return value != null ? value : value(env.get(variable));
    }

    private static String value(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** The host as the Host header carries it, and so as it is signed: the port only when it is not the default. */
    String hostHeader() {
        int port = endpoint.getPort();
        int defaultPort = "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        return port == -1 || port == defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + port;
    }

    @Override
    public String toString() {
        return "LiteConfig[region=" + region + ", endpoint=" + endpoint
                + ", environmentCredentials=" + environmentCredentials
                + ", containerCredentialsUri=" + containerCredentialsUri
                + ", containerAuthorizationToken=" + (containerAuthorizationToken == null ? "none" : "set")
                + ", containerAuthorizationTokenFile=" + containerAuthorizationTokenFile
                + ", systemPropertyCredentials=" + systemPropertyCredentials + "]";
    }
}
