package dev.refer.dynamodb.lite;

/**
 * A DynamoDB call that did not succeed: an error DynamoDB answered (its type, e.g. {@code ValidationException},
 * and message), or a failure on the way (I/O, a corrupted answer) once the attempts ran out.
 */
public final class LiteDynamoDbException extends RuntimeException {

    private final String operation;
    private final int statusCode;
    private final String errorType;
    private final String errorMessage;
    private final String requestId;
    private final int attempts;

    LiteDynamoDbException(String operation, int statusCode, String errorType, String errorMessage, String requestId,
                          int attempts, Throwable cause) {
        super(operation + " failed" + (attempts > 1 ? " after " + attempts + " attempts" : "") + ": " + errorType
                + (errorMessage == null ? "" : ": " + errorMessage)
                + (statusCode > 0 ? " (HTTP " + statusCode + (requestId == null ? "" : ", request " + requestId) + ")"
                : ""), cause);
        this.operation = operation;
        this.statusCode = statusCode;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
        this.requestId = requestId;
        this.attempts = attempts;
    }

    /** {@code GetItem} or {@code PutItem}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status DynamoDB answered, or 0 when no answer came (I/O failure). */
    public int statusCode() {
        return statusCode;
    }

    /**
     * DynamoDB's error type without its namespace ({@code ValidationException},
     * {@code ProvisionedThroughputExceededException}...); for failures on our side, the exception's simple name
     * ({@code SocketTimeoutException}...) or {@code Crc32MismatchException}.
     */
    public String errorType() {
        return errorType;
    }

    /** DynamoDB's message, or null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** DynamoDB's {@code x-amzn-RequestId}, for AWS support; null when no answer came. */
    public String requestId() {
        return requestId;
    }

    /** How many attempts were made, the failed last one included. */
    public int attempts() {
        return attempts;
    }
}
