package dev.refer.emulators;

/** template.yaml says something the emulators cannot honour, or lacks something they need. */
public final class TemplateException extends RuntimeException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
