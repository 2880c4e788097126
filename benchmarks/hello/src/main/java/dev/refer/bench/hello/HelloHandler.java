package dev.refer.bench.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The smallest useful function: reads the event, answers a fixed 200. The cold-start baseline. */
public final class HelloHandler implements RequestStreamHandler {

    private static final byte[] RESPONSE = "{\"statusCode\":200,\"body\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(RESPONSE);
    }
}
