package dev.refer.lambda;

import java.util.Map;

/** Reads a function's configuration from its environment once, at init; a missing variable fails with its name. */
public final class Env {

    private Env() {
    }

    public static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set: see template.yaml");
        }
        return value;
    }

    public static java.time.Duration secondsOr(Map<String, String> env, String name, int defaultSeconds) {
        return java.time.Duration.ofSeconds(intOr(env, name, defaultSeconds));
    }

    public static int intOr(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " must be a whole number, got: " + value);
        }
    }
}
