package dev.refer.dynamodb.lite;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiteConfigTest {

    @Test
    void from_whenAwsRegionSet_usesItOverTheProperty() {
        assertEquals("eu-central-1", LiteConfig.from(Map.of("AWS_REGION", "eu-central-1"),
                properties("aws.region", "us-west-2")).region());
    }

    @Test
    void from_whenOnlyTheRegionProperty_usesIt() {
        assertEquals("us-west-2", LiteConfig.from(Map.of(), properties("aws.region", "us-west-2")).region());
    }

    @Test
    void from_whenNoRegion_failsNamingAwsRegion() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LiteConfig.from(Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("AWS_REGION"), e.getMessage());
    }

    @Test
    void from_whenNoEndpointSetting_usesTheRegionalEndpoint() {
        LiteConfig config = LiteConfig.from(Map.of("AWS_REGION", "eu-west-1"), new Properties());

        assertEquals(URI.create("https://dynamodb.eu-west-1.amazonaws.com"), config.endpoint());
        assertEquals("dynamodb.eu-west-1.amazonaws.com", config.hostHeader());
    }

    @Test
    void from_whenAChinaRegion_usesTheChinaDomain() {
        assertEquals(URI.create("https://dynamodb.cn-north-1.amazonaws.com.cn"),
                LiteConfig.from(Map.of("AWS_REGION", "cn-north-1"), new Properties()).endpoint());
    }

    /**
     * The function's environment first (as AwsClients reads it for the SDK clients), then the SDK's properties:
     * service env, global env, service property, global property.
     */
    @Test
    void from_whenSeveralEndpointSettings_prefersTheFunctionsEnvironment() {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://env-dynamodb:1",
                "AWS_ENDPOINT_URL", "http://env-global:2"));
        Properties properties = properties("aws.endpointUrlDynamoDb", "http://property-dynamodb:3",
                "aws.endpointUrl", "http://property-global:4");

        assertEquals("env-dynamodb:1", LiteConfig.from(env, properties).hostHeader());
        env.remove("AWS_ENDPOINT_URL_DYNAMODB");
        assertEquals("env-global:2", LiteConfig.from(env, properties).hostHeader());
        env.remove("AWS_ENDPOINT_URL");
        assertEquals("property-dynamodb:3", LiteConfig.from(env, properties).hostHeader());
        properties.remove("aws.endpointUrlDynamoDb");
        assertEquals("property-global:4", LiteConfig.from(env, properties).hostHeader());
    }

    /** Without endpoint variables: the DynamoDB property wins over the global one. */
    @Test
    void from_whenTheLocalStackSetsBothProperties_usesTheDynamoDbOne() {
        LiteConfig config = LiteConfig.from(Map.of(), properties("aws.region", "us-east-1",
                "aws.endpointUrlDynamoDb", "http://127.0.0.1:8000", "aws.endpointUrl", "http://127.0.0.1:5000"));

        assertEquals(URI.create("http://127.0.0.1:8000"), config.endpoint());
        assertEquals("127.0.0.1:8000", config.hostHeader());
    }

    @Test
    void from_whenTheEndpointHasADefaultPort_leavesItOutOfTheHost() {
        assertEquals("dynamodb.example.com", LiteConfig.from(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", "https://dynamodb.example.com:443/"), new Properties()).hostHeader());
        assertEquals("localhost", LiteConfig.from(Map.of("AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", "http://localhost:80"), new Properties()).hostHeader());
    }

    @Test
    void from_whenTheEndpointHasAPath_failsNamingTheSetting() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LiteConfig.from(
                Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000/dynamo"),
                new Properties()));
        assertTrue(e.getMessage().contains("AWS_ENDPOINT_URL_DYNAMODB"), e.getMessage());
    }

    @Test
    void from_whenEnvironmentKeysSet_readsThemAsEnvironmentCredentials() {
        LiteConfig config = LiteConfig.from(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDENV",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"),
                properties("aws.accessKeyId", "AKIDPROP", "aws.secretAccessKey", "other"));

        assertEquals(new Credentials("AKIDENV", "secret", "token", null), config.environmentCredentials());
        assertEquals(new Credentials("AKIDPROP", "other", null, null), config.systemPropertyCredentials());
    }

    @Test
    void from_whenOnlyTheKeyIdIsSet_hasNoCredentialsThere() {
        LiteConfig config = LiteConfig.from(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDENV"),
                properties("aws.accessKeyId", "AKIDPROP"));

        assertNull(config.environmentCredentials());
        assertNull(config.systemPropertyCredentials());
    }

    @Test
    void from_whenContainerSettingsAreBothPropertyAndVariable_thePropertyWins() {
        LiteConfig config = LiteConfig.from(Map.of("AWS_REGION", "us-east-1",
                        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/env",
                        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "env-token"),
                properties("aws.containerCredentialsFullUri", "http://127.0.0.1:9002/property",
                        "aws.containerAuthorizationToken", "property-token"));

        assertEquals(URI.create("http://127.0.0.1:9002/property"), config.containerCredentialsUri());
        assertEquals("property-token", config.containerAuthorizationToken());
    }

    @Test
    void from_whenTheLambdaSnapStartVariablesAreSet_readsTheContainerEndpoint() {
        LiteConfig config = LiteConfig.from(Map.of("AWS_REGION", "us-east-1",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "lambda-token"), new Properties());

        assertEquals(URI.create("http://127.0.0.1:9001/2021-04-23/credentials"), config.containerCredentialsUri());
        assertEquals("lambda-token", config.containerAuthorizationToken());
        assertNull(config.environmentCredentials());
    }

    @Test
    void from_whenARelativeContainerUri_isRelativeToTheEcsAgentAndWinsOverTheFullUri() {
        LiteConfig config = LiteConfig.from(Map.of("AWS_REGION", "us-east-1",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/full"), new Properties());

        assertEquals(URI.create("http://169.254.170.2/v2/credentials/abc"), config.containerCredentialsUri());
    }

    @Test
    void from_whenTheFullUriIsPlainHttpToAnotherHost_refusesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LiteConfig.from(
                Map.of("AWS_REGION", "us-east-1", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://93.184.216.34/creds"),
                new Properties()));
        assertTrue(e.getMessage().contains("AWS_CONTAINER_CREDENTIALS_FULL_URI"), e.getMessage());
    }

    @Test
    void from_whenTheFullUriIsHttps_acceptsAnyHost() {
        assertEquals(URI.create("https://credentials.example.com/creds"), LiteConfig.from(Map.of("AWS_REGION",
                "us-east-1", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "https://credentials.example.com/creds"),
                new Properties()).containerCredentialsUri());
    }

    @Test
    void toString_neverShowsSecretsOrTokens() {
        LiteConfig config = LiteConfig.from(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "AKIDENV",
                        "AWS_SECRET_ACCESS_KEY", "very-secret", "AWS_SESSION_TOKEN", "session-token",
                        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/creds",
                        "AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-token"),
                properties("aws.accessKeyId", "AKIDPROP", "aws.secretAccessKey", "also-secret"));

        String text = config.toString();

        assertTrue(text.contains("AKIDENV"), text);
        for (String secret : new String[] {"very-secret", "session-token", "container-token", "also-secret"}) {
            assertFalse(text.contains(secret), text);
        }
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
