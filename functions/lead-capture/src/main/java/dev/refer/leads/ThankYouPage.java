package dev.refer.leads;

/** What a visitor sees after a plain HTML form post when the form names no thank-you page. */
final class ThankYouPage {

    static final String HTML = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Thank you</title>
            <meta name="viewport" content="width=device-width,initial-scale=1"></head>
            <body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
            <h1>Thank you!</h1><p>We received your details and will be in touch soon.</p></body></html>
            """;

    private ThankYouPage() {
    }
}
