package dev.refer.dynamodb.lite;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * AWS Signature Version 4 for one shape of request: {@code POST /} with no query string and a JSON body, signed in
 * the {@code Authorization} header. This is the whole of what DynamoDB's JSON protocol needs, and exactly what the
 * SDK's {@code AwsV4HttpSigner} produces for the same request (SigV4SdkEquivalenceTest compares the two).
 *
 * <p>Signed headers, always in this (sorted) order: {@code content-type}, {@code host},
 * {@code x-amz-content-sha256}, {@code x-amz-date}, {@code x-amz-security-token} (only with temporary credentials),
 * {@code x-amz-target}. The SDK adds and signs {@code x-amz-content-sha256} for every request, DynamoDB's included,
 * so we do the same: AWS accepts either way, and matching the SDK means our requests look like requests AWS already
 * sees every day. The request carries other headers ({@code Content-Length}, {@code User-Agent}, {@code Accept},
 * {@code Connection}) unsigned, which SigV4 allows.
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private static final HexFormat HEX = HexFormat.of(); // lower-case, as SigV4 requires

    private SigV4() {
    }

    /** The headers to send: the ones the signature covers that the caller does not already send, and the signature. */
    record SignedHeaders(String amzDate, String contentSha256, String securityToken, String authorization) {
    }

    /**
     * Signs a request.
     *
     * @param host   the Host header exactly as sent: {@code host}, or {@code host:port} for a non-default port
     * @param target the {@code X-Amz-Target} header, e.g. {@code DynamoDB_20120810.GetItem}
     * @param body   the exact bytes sent
     */
    static SignedHeaders sign(Credentials credentials, String region, String service, String host, String target,
                              byte[] body, Instant now) {
        OffsetDateTime time = now.atOffset(ZoneOffset.UTC);
        String date = digits(time.getYear(), 4) + digits(time.getMonthValue(), 2) + digits(time.getDayOfMonth(), 2);
        String amzDate = date + "T" + digits(time.getHour(), 2) + digits(time.getMinute(), 2)
                + digits(time.getSecond(), 2) + "Z";
        String contentSha256 = HEX.formatHex(sha256(body));
        String token = credentials.sessionToken();

        // Canonical headers: lower-case names, sorted; values trimmed with inner whitespace runs collapsed; each
        // line ends with '\n', so the canonical request has an empty line after them.
        StringBuilder headers = new StringBuilder(256)
                .append("content-type:").append(CONTENT_TYPE).append('\n')
                .append("host:").append(canonicalValue(host)).append('\n')
                .append("x-amz-content-sha256:").append(contentSha256).append('\n')
                .append("x-amz-date:").append(amzDate).append('\n');
        if (token != null) {
            headers.append("x-amz-security-token:").append(canonicalValue(token)).append('\n');
        }
        headers.append("x-amz-target:").append(canonicalValue(target)).append('\n');
        String signedHeaders = token != null
                ? "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target"
                : "content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target";

        // method, canonical URI ("/"), canonical query string (empty), headers, signed header names, payload hash
        String canonicalRequest = "POST\n/\n\n" + headers + "\n" + signedHeaders + "\n" + contentSha256;

        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));

        // The signing key: HMAC chain from "AWS4" + secret over the date, region, service and "aws4_request".
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = HEX.formatHex(hmac(key, stringToSign));

        String authorization = ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        return new SignedHeaders(amzDate, contentSha256, token, authorization);
    }

    /** SigV4's header value form: leading and trailing whitespace removed, inner runs of whitespace as one space. */
    static String canonicalValue(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\r' || c == '\f') {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String digits(int value, int width) {
        String text = Integer.toString(value);
        return text.length() >= width ? text : "0000".substring(0, width - text.length()) + text;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
