package dev.refer.core.link;

import java.util.Locale;

/**
 * Link-preview bots and crawlers (chat apps unfurling a shared link, search engines, uptime checkers) follow links
 * without a person behind them. They are redirected like anyone, but their visits are not clicks: counting them
 * would inflate every partner's numbers the moment a link is pasted into Slack.
 */
public final class BotPolicy {

    private static final String[] MARKERS = {
            "bot", "crawler", "spider", "slurp", "facebookexternalhit", "facebookcatalog", "embedly", "preview",
            "whatsapp", "telegram", "skypeuripreview", "vkshare", "pinterest", "bitlybot", "quora link preview",
            "outbrain", "headlesschrome", "lighthouse", "python-requests", "curl/", "wget/", "go-http-client",
            "okhttp", "java/", "apache-httpclient", "monitor", "uptime", "pingdom"};

    private BotPolicy() {
    }

    /** A missing user agent is treated as a bot: browsers always send one. */
    public static boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (ua.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
