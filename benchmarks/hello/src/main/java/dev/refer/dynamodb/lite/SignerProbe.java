package dev.refer.dynamodb.lite;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.redirect.RedirectHandler;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * ./bench's probe of the AWS SDK's standalone SigV4 signer ({@code http-auth-aws}) on the redirect: the real redirect,
 * preceded on its first request by one DynamoDB GetItem signature made with the SDK's signer
 * ({@code REFER_BENCH_SIGNER=sdk}) or with the lean client's own ({@code ours}). The two boots differ only in which
 * signer's classes the first request loads and runs: the difference is what adopting the SDK's signer would add.
 */
public final class SignerProbe implements RequestStreamHandler {

    private static final byte[] BODY = "{\"TableName\":\"t\",\"Key\":{\"pk\":{\"S\":\"LINK#x\"},\"sk\":{\"S\":\"LINK\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    private final RedirectHandler redirect = new RedirectHandler();
    private final boolean sdk = "sdk".equals(System.getenv("REFER_BENCH_SIGNER"));

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String authorization = sdk ? sdkSignature() : ourSignature();
        if (!authorization.startsWith("AWS4-HMAC-SHA256 ")) {
            throw new IllegalStateException("not a SigV4 signature: " + authorization);
        }
        redirect.handleRequest(input, output, context);
    }

    private static String ourSignature() {
        return SigV4.sign(new Credentials("AKIDEXAMPLE", "secret", "token", null), "us-east-1", "dynamodb",
                "dynamodb.us-east-1.amazonaws.com", "DynamoDB_20120810.GetItem", BODY, Instant.now()).authorization();
    }

    private static String sdkSignature() {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("https://dynamodb.us-east-1.amazonaws.com/"))
                .putHeader("Content-Type", SigV4.CONTENT_TYPE)
                .putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem").build();
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret"))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(BODY))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
                .request().firstMatchingHeader("Authorization").orElseThrow();
    }
}
