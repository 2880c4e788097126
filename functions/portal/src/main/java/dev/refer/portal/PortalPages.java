package dev.refer.portal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpResponse;
import dev.refer.web.Pages;
import dev.refer.web.PortalSession;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.Map;

/** The portal's pages: a body template of src/main/jte (every value escaped by jte) in the shared layout. */
public final class PortalPages {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "dev.refer.portal.templates");

    private PortalPages() {
    }

    /** The body template {@code template} rendered with {@code params}. */
    public static String body(String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, params, output);
        return output.toString();
    }

    public static APIGatewayV2HTTPResponse page(int status, String title, PortalSession session, String template,
                                                Map<String, Object> params) {
        return HttpResponse.html(status, Pages.page(title, session, body(template, params)));
    }

    /** A page with one sentence and, optionally, one link onwards. */
    public static APIGatewayV2HTTPResponse message(int status, String title, PortalSession session, String message,
                                                   String linkHref, String linkText) {
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        params.put("message", message);
        params.put("linkHref", linkHref);
        params.put("linkText", linkText);
        return page(status, title, session, "message.jte", params);
    }
}
