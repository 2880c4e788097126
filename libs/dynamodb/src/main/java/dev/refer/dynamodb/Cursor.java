package dev.refer.dynamodb;

import dev.refer.core.basics.validation.Invalid;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Opaque page cursors: the start key of the next page (all key attributes are strings), as URL-safe base64 of
 * length-prefixed name/value pairs. Decoding checks the cursor belongs to the listing it is used on (same key
 * attributes, same partition, same sort-key prefix), so a cursor from elsewhere is the caller's mistake (a 400),
 * never a DynamoDB validation error (a 500).
 */
public final class Cursor {

    private static final int VERSION = 1;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursor() {
    }

    /** The cursor that resumes after {@code item}. */
    public static String after(Map<String, AttributeValue> item, KeyShape shape) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(shape.attributes().size());
            for (String name : shape.attributes()) {
                AttributeValue value = item.get(name);
                if (value == null || value.s() == null) {
                    throw new IllegalStateException("listed item has no string key attribute " + name);
                }
                out.writeUTF(name);
                out.writeUTF(value.s());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ENCODER.encodeToString(bytes.toByteArray());
    }

    /**
     * The start key a cursor stands for.
     *
     * @param sortPrefix what the listing's sort keys start with, or null when any sort key may appear
     * @throws Invalid on field {@code cursor} when it is not a cursor of this listing
     */
    public static Map<String, AttributeValue> startKey(String cursor, KeyShape shape, String partition, String sortPrefix) {
        Map<String, AttributeValue> key = decode(cursor);
        if (!key.keySet().equals(Set.copyOf(shape.attributes()))
                || !partition.equals(key.get(shape.partitionAttribute()).s())
                || sortPrefix != null && !key.get(shape.sortAttribute()).s().startsWith(sortPrefix)) {
            throw notACursor();
        }
        return key;
    }

    private static Map<String, AttributeValue> decode(String cursor) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(DECODER.decode(cursor)))) {
            if (in.readUnsignedByte() != VERSION) {
                throw notACursor();
            }
            int count = in.readUnsignedByte();
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                String value = in.readUTF();
                if (!seen.add(name) || value.isEmpty()) {
                    throw notACursor();
                }
                key.put(name, AttributeValue.fromS(value));
            }
            if (in.available() > 0) {
                throw notACursor();
            }
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw notACursor();
        }
    }

    private static Invalid notACursor() {
        return Invalid.field("cursor", "is not a cursor this API returned");
    }
}
