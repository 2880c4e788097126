package dev.refer.local.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The company's own website in a browser test: a server on loopback, on another origin than the local stack, whose
 * pages the test writes (a landing page with a lead form, a thank-you page). Each page is a function of the request's
 * URI, as a company's server renders it.
 */
public final class CompanySite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Function<URI, String>> pages = new ConcurrentHashMap<>();

    public CompanySite() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    /** Serves {@code html(uri)} at {@code path}. */
    public CompanySite page(String path, Function<URI, String> html) {
        pages.put(path, html);
        return this;
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return origin() + path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        Function<URI, String> page = pages.get(exchange.getRequestURI().getPath());
        byte[] body = (page == null ? "<!DOCTYPE html><title>Not found</title><h1>Not found</h1>"
                : page.apply(exchange.getRequestURI())).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(page == null ? 404 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
