package dev.refer.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.nio.charset.StandardCharsets;

/** Lambda's logger, locally: one line on stdout per call, prefixed with the function's name. */
final class StdoutLogger implements LambdaLogger {

    private final String prefix;

    StdoutLogger(String functionName) {
        this.prefix = "[" + functionName + "] ";
    }

    @Override
    public void log(String message) {
        System.out.println(prefix + message.stripTrailing());
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
