package dev.refer.emulators.localstack;

import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.util.stream.Stream;

/**
 * The opt-in profile's emulator ({@code ./mvnw -Plocalstack verify}, on a machine with Docker): one LocalStack
 * container per test JVM, started on first use, whose single endpoint serves DynamoDB (streams included), SES v2,
 * SQS, Secrets Manager and the rest of what the functions call. Compiled only in that profile: the default build
 * never needs Docker.
 */
public final class LocalStackContainers {

    /** Override with -Drefer.localstack.image=localstack/localstack:<tag>. */
    static final String IMAGE = System.getProperty("refer.localstack.image", "localstack/localstack:4.4");

    private static LocalStackContainer container;

    private LocalStackContainers() {
    }

    /** The container's endpoint (started on first call, stopped when the JVM exits). */
    public static synchronized URI endpoint() {
        if (container == null) {
            LocalStackContainer started = new LocalStackContainer(DockerImageName.parse(IMAGE)
                    .asCompatibleSubstituteFor("localstack/localstack"))
                    .withServices(Stream.of("dynamodb", "dynamodbstreams", "ses", "sqs", "secretsmanager", "scheduler",
                            "sns").map(LocalStackContainer.EnabledService::named)
                            .toArray(LocalStackContainer.EnabledService[]::new));
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "localstack-shutdown"));
            container = started;
        }
        return container.getEndpoint();
    }
}
