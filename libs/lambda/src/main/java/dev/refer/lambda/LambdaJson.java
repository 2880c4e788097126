package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Date;
import java.util.Map;


/**
 * The one JSON configuration of every function (Jackson), for Lambda events and for request and message bodies.
 *
 * <p>Strict where the contracts promise it: a duplicate key, nesting deeper than {@value #MAX_NESTING} levels, a
 * number longer than {@value #MAX_NUMBER_LENGTH} digits or trailing text is a malformed body; no scalar is coerced
 * (a number is not a string, {@code "12"} is not a number, {@code 1.5} and {@code 1e3} are not whole numbers, so
 * money stays exact integer minor units); a field a body type does not declare is refused unless the type says
 * otherwise ({@code @JsonIgnoreProperties(ignoreUnknown = true)}). Lambda's events are read leniently (AWS adds
 * fields). Output leaves out nulls.
 *
 * <p>Building the mapper and its first use cost a few hundred milliseconds on a cold JVM: functions build it once
 * per environment and push their event and body types through it in their SnapStart priming.
 */
public final class LambdaJson {

    public static final int MAX_NESTING = 32;
    public static final int MAX_NUMBER_LENGTH = 32;
    /** Bounds every string; the largest is the HTTP event's body (API Gateway's 10 MB payload limit). */
    public static final int MAX_STRING_LENGTH = 10 * 1024 * 1024;

    private static final ObjectMapper MAPPER = build();
    private static final ObjectReader HTTP_EVENTS = MAPPER.readerFor(APIGatewayV2HTTPEvent.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectWriter HTTP_RESPONSES = MAPPER.writerFor(APIGatewayV2HTTPResponse.class);
    private static final ObjectMapper EVENTS = ((JsonMapper) MAPPER).rebuild()
            // the events library's classes are read as the runtime reads them: DynamoDB's "NewImage" and "S", SQS's
            // "eventSourceARN" land on newImage, s and eventSourceArn; AWS adds fields over time
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(StreamRecord.class, StreamRecordMixin.class)
            .build();

    private LambdaJson() {
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(1024)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // nulls are left out, in objects and in map entries alike
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .build();
        // a JSON number or boolean is never a string
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** The shared mapper, for functions that read further event or message types. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** An API Gateway HTTP API (payload 2.0) event, as Lambda hands it to a function. */
    public static APIGatewayV2HTTPEvent readHttpEvent(InputStream in) throws IOException {
        return HTTP_EVENTS.readValue(in);
    }

    /**
     * A non-HTTP event of the events library ({@code DynamodbEvent}, {@code SQSEvent}...), read the way the Lambda
     * runtime's serialization reads it (the tests compare both on real event fixtures).
     */
    public static <T> T readEvent(InputStream in, Class<T> type) throws IOException {
        return EVENTS.readValue(in, type);
    }

    public static <T> T readEvent(byte[] event, Class<T> type) throws IOException {
        return EVENTS.readValue(event, type);
    }

    public static APIGatewayV2HTTPEvent readHttpEvent(byte[] event) throws IOException {
        return HTTP_EVENTS.readValue(event);
    }

    public static void writeHttpResponse(APIGatewayV2HTTPResponse response, OutputStream out) throws IOException {
        HTTP_RESPONSES.writeValue(out, response);
    }

    /** DynamoDB Streams send {@code ApproximateCreationDateTime} in epoch seconds (Jackson's default is millis). */
    abstract static class StreamRecordMixin {
        @JsonDeserialize(using = EpochSecondsDate.class)
        abstract void setApproximateCreationDateTime(Date date);
    }

    static final class EpochSecondsDate extends StdDeserializer<Date> {
        EpochSecondsDate() {
            super(Date.class);
        }

        @Override
        public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return new Date(parser.getDecimalValue().movePointRight(3).longValue());
        }
    }

    /** Any value as compact JSON (records, maps, lists); nulls are left out. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    public static byte[] writeBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * A request body as {@code type}, or a 400 problem that names what is wrong: a malformed body (syntax, a
     * duplicate key, a limit), a body that is not the object expected, or each field of the wrong type or unknown.
     *
     * <p>Every body is a JSON object, and that is checked on the first token, before any binding: Jackson binds the
     * JSON {@code null} to a null record (which the handler would then dereference: a 500 for the caller's mistake),
     * and could build a one-field record from a bare scalar.
     */
    public static <T> T readBody(byte[] body, Class<T> type) {
        try {
            try (JsonParser parser = MAPPER.createParser(body)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new ProblemException(notAnObject());
                }
            }
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ProblemException(Problem.invalidField(fieldPath(e), "is not a field of this request"));
        } catch (MismatchedInputException e) {
            if (e.getPath().isEmpty()) {
                throw new ProblemException(notAnObject());
            }
            throw new ProblemException(Problem.invalidField(fieldPath(e), rule(e.getTargetType())));
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw new ProblemException(malformed("the body is not valid JSON"));
            }
            throw new ProblemException(Problem.invalidField(fieldPath(e), "is out of range"));
        } catch (JsonProcessingException e) {
            throw new ProblemException(malformed("the body is not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message this system wrote itself (a queue message): a failure is a bug, not a caller's mistake. */
    public static <T> T readTrusted(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    static Problem malformed(String detail) {
        return Problem.of(400, "malformed-body", "The body cannot be read", detail);
    }

    /** {@code null}, {@code []}, {@code "x"}, {@code 1}, {@code true}, or nothing at all. */
    static Problem notAnObject() {
        return malformed("the body must be a JSON object");
    }

    /** {@code customer.email}, {@code allowedFormOrigins[2]}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String rule(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Long.class || target == long.class || target == Integer.class || target == int.class) {
            return "must be a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "must be a list";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

}
