package dev.refer.portal.partner;

import java.util.Map;

/**
 * The partner API's request bodies, read by Jackson with the functions' strict settings: a field not listed here is
 * refused, strings are strings. Rules beyond the types are checked when the commands are built.
 */
final class PortalBodies {

    private PortalBodies() {
    }

    /** {@code POST /portal/api/links}. */
    record NewLinkBody(String destination, String campaign) {
    }

    /** {@code PUT /portal/api/preferences}: topics by wire name to all / digest / none; null keeps. */
    record PreferencesBody(Map<String, String> topics, Boolean shoutOut) {
    }
}
