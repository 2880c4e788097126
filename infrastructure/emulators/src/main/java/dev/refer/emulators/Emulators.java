package dev.refer.emulators;

import java.net.URI;

/**
 * Which engines the tests run against. By default the built-in ones: DynamoDB Local in-process and the moto server.
 * With {@code -Drefer.emulators=localstack} (what {@code ./mvnw -Plocalstack verify} sets, on a machine with Docker)
 * both are replaced by one LocalStack container started through Testcontainers; the same tests and clients run
 * against it unchanged, since everything reaches its engine through an endpoint.
 */
public final class Emulators {

    public static final String PROPERTY = "refer.emulators";
    static final String LOCALSTACK = "localstack";
    private static final String CONTAINERS = "dev.refer.emulators.localstack.LocalStackContainers";

    private Emulators() {
    }

    public static boolean onLocalStack() {
        return LOCALSTACK.equals(System.getProperty(PROPERTY));
    }

    /** LocalStack's endpoint; the class exists only in builds with the localstack profile. */
    static URI localStackEndpoint() {
        try {
            return (URI) Class.forName(CONTAINERS).getMethod("endpoint").invoke(null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(PROPERTY + "=" + LOCALSTACK + " needs the build's localstack profile:"
                    + " ./mvnw -Plocalstack verify (and Docker)", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start LocalStack: " + e.getCause(), e.getCause());
        }
    }
}
