package dev.refer.web;

import gg.jte.Content;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.HashMap;
import java.util.Map;

/**
 * Wraps a page's body in the portal's layout ({@code src/main/jte/layout.jte}, precompiled at build time): the
 * document, the stylesheet, the navigation and the sign-out form of a signed-in partner. The body comes from the
 * page's own precompiled template, which escaped every value it printed.
 */
public final class Pages {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "dev.refer.web.templates");

    private Pages() {
    }

    /** The whole page; {@code session} null for a page of someone not signed in (no navigation). */
    public static String page(String title, PortalSession session, String bodyHtml) {
        Map<String, Object> params = new HashMap<>();
        params.put("title", title);
        params.put("session", session);
        params.put("content", (Content) output -> output.writeContent(bodyHtml));
        StringOutput output = new StringOutput();
        ENGINE.render("layout.jte", params, output);
        return output.toString();
    }
}
