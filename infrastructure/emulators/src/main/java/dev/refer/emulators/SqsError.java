package dev.refer.emulators;

/** An SQS error: its {@code __type} (the JSON protocol's) and the query code SQS adds for query-compatible clients. */
final class SqsError extends RuntimeException {

    private final String type;
    private final String queryCode;

    private SqsError(String type, String queryCode, String message) {
        super(message);
        this.type = type;
        this.queryCode = queryCode;
    }

    static SqsError client(String type, String queryCode, String message) {
        return new SqsError(type, queryCode, message);
    }

    static SqsError invalidParameter(String message) {
        return new SqsError("InvalidParameterValue", "InvalidParameterValue", message);
    }

    String type() {
        return type;
    }

    String queryCode() {
        return queryCode;
    }

    String code() {
        return type;
    }
}
