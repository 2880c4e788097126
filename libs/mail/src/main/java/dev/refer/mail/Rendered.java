package dev.refer.mail;

/** A letter as an email: its subject, and its body as HTML and as plain text from the same data. */
public record Rendered(String subject, String html, String text) {
}
