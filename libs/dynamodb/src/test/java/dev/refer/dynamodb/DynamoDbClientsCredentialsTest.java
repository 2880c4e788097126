package dev.refer.dynamodb;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * With SnapStart, Lambda gives a function no credential variables but a container credentials endpoint; the chain
 * must find those credentials (a loopback stand-in for the endpoint plays Lambda's part).
 */
class DynamoDbClientsCredentialsTest {

    @Test
    void credentials_whenOnlyTheContainerEndpointIsThere_comeFromIt() throws Exception {
        AtomicReference<String> authorization = new AtomicReference<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/credentials", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"AccessKeyId\":\"ASIASNAPSTART\",\"SecretAccessKey\":\"secret\",\"Token\":\"session\","
                    + "\"Expiration\":\"" + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
        String[] saved = {System.getProperty("aws.accessKeyId"), System.getProperty("aws.secretAccessKey")};
        try {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            System.setProperty("aws.containerCredentialsFullUri",
                    "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/credentials");
            System.setProperty("aws.containerAuthorizationToken", "lambda-token");

            AwsCredentials credentials = DynamoDbClients.credentials().resolveCredentials();

            assertEquals("ASIASNAPSTART", credentials.accessKeyId());
            assertEquals("session", assertInstanceOf(AwsSessionCredentials.class, credentials).sessionToken());
            assertEquals("lambda-token", authorization.get());
        } finally {
            endpoint.stop(0);
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
            if (saved[0] != null) {
                System.setProperty("aws.accessKeyId", saved[0]);
                System.setProperty("aws.secretAccessKey", saved[1]);
            }
        }
    }
}
