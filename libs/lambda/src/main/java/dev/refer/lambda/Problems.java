package dev.refer.lambda;

/** Problems several functions answer with the same words. */
public final class Problems {

    private Problems() {
    }

    public static Problem programNotConfigured() {
        return Problem.of(503, "program-not-configured", "The program is not configured",
                "The program manager must set the program up first (PUT /admin/program).");
    }

    public static Problem unsupportedMediaType(String accepted) {
        return Problem.of(415, "unsupported-media-type", "Unsupported content type", "Send the body as " + accepted + ".");
    }

    public static Problem tooLarge(int maxBytes) {
        return Problem.of(413, "body-too-large", "The body is too large",
                "The body must be at most " + maxBytes + " bytes.");
    }

    public static Problem notFound(String what) {
        return Problem.of(404, "not-found", "Not found", what + " does not exist.");
    }
}
