package io.relia.chaos.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Toxiproxy 2.x's admin API, independent of the HTTP server that carries it: routes, status codes and bodies as
 * Toxiproxy's {@code api.go} answers them, plus Relia's {@code /proxies/{name}/connections}.
 */
final class AdminApi {
    /** The API version clients see: the Toxiproxy release whose API this one matches. */
    static final String TOXIPROXY_VERSION = "2.12.0";
    private static final long CONNECTION_INFO_WAIT_MILLIS = 1_000;

    /** An HTTP answer. */
    record Response(int status, String contentType, byte[] body) {
        static Response json(int status, Object node) {
            return new Response(status, "application/json", ProxyJson.MAPPER.writeValueAsBytes(node));
        }

        static Response empty(int status) {
            return new Response(status, null, new byte[0]);
        }

        /** Toxiproxy writes errors through Go's http.Error: text/plain, the JSON, a newline. */
        static Response error(ApiException e) {
            byte[] json = ProxyJson.MAPPER.writeValueAsBytes(ProxyJson.error(e.getMessage(), e.status()));
            byte[] body = Arrays.copyOf(json, json.length + 1);
            body[json.length] = '\n';
            return new Response(e.status(), "text/plain; charset=utf-8", body);
        }

        static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final ProxyRegistry registry;
    private final String reliaVersion;

    AdminApi(ProxyRegistry registry, String reliaVersion) {
        this.registry = registry;
        this.reliaVersion = reliaVersion;
    }

    Response handle(String method, String rawPath, String userAgent, byte[] body) {
        if (userAgent != null && userAgent.startsWith("Mozilla/")) {
            return Response.text(403, "User agent not allowed\n");
        }
        List<String> path = segments(rawPath);
        try {
            return route(method, path, body);
        } catch (ApiException e) {
            return Response.error(e);
        }
    }

    private Response route(String method, List<String> path, byte[] body) throws ApiException {
        int size = path.size();
        String first = size == 0 ? "" : path.get(0);
        if (size == 1 && first.equals("version")) {
            return only(method, "GET") ? version() : notAllowed();
        }
        if (size == 1 && first.equals("reset")) {
            return only(method, "POST") ? reset() : notAllowed();
        }
        if (size == 1 && first.equals("populate")) {
            return only(method, "POST") ? populate(body) : notAllowed();
        }
        if (size == 1 && first.equals("metrics") && registry.metrics().isPresent()) {
            return new Response(200, ProxyMetrics.contentType(), registry.metrics().get().scrape());
        }
        if (first.equals("proxies")) {
            return proxies(method, path, body);
        }
        return notFound();
    }

    private Response proxies(String method, List<String> path, byte[] body) throws ApiException {
        switch (path.size()) {
            case 1:
                return switch (method) {
                    case "GET" -> Response.json(200, ProxyJson.proxyIndex(registry.all()));
                    case "POST" -> Response.json(201, ProxyJson.proxy(
                            registry.create(ProxyJson.newProxy(ProxyJson.parse(body), ""))));
                    default -> notAllowed();
                };
            case 2:
                String name = path.get(1);
                return switch (method) {
                    case "GET" -> Response.json(200, ProxyJson.proxy(registry.get(name)));
                    case "POST", "PATCH" -> updateProxy(name, body);
                    case "DELETE" -> {
                        registry.delete(name);
                        yield Response.empty(204);
                    }
                    default -> notAllowed();
                };
            case 3:
                if (path.get(2).equals("connections")) {
                    return only(method, "GET") ? connections(path.get(1)) : notAllowed();
                }
                if (!path.get(2).equals("toxics")) {
                    return notFound();
                }
                return switch (method) {
                    case "GET" -> Response.json(200, ProxyJson.toxics(registry.toxics(path.get(1))));
                    case "POST" -> createToxic(path.get(1), body);
                    default -> notAllowed();
                };
            case 4:
                if (!path.get(2).equals("toxics")) {
                    return notFound();
                }
                String proxy = path.get(1);
                String toxic = path.get(3);
                return switch (method) {
                    case "GET" -> Response.json(200, ProxyJson.toxic(registry.toxic(proxy, toxic)));
                    case "POST", "PATCH" -> Response.json(200, ProxyJson.toxic(registry.updateToxic(proxy, toxic,
                            old -> ProxyJson.updatedToxic(old, ProxyJson.parse(body)))));
                    case "DELETE" -> {
                        registry.removeToxic(proxy, toxic);
                        yield Response.empty(204);
                    }
                    default -> notAllowed();
                };
            default:
                return notFound();
        }
    }

    private Response createToxic(String proxy, byte[] body) throws ApiException {
        registry.get(proxy);
        return Response.json(200, ProxyJson.toxic(registry.addToxic(proxy, ProxyJson.newToxic(ProxyJson.parse(body)))));
    }

    private Response updateProxy(String name, byte[] body) throws ApiException {
        registry.get(name);
        ProxyJson.ProxyFields fields = ProxyJson.proxyFields(ProxyJson.parse(body));
        return Response.json(200, ProxyJson.proxy(registry.update(name, fields.listen(), fields.upstream(),
                fields.enabled())));
    }

    private Response version() {
        String json = "{\"version\": \"" + TOXIPROXY_VERSION + "\", \"relia\": \"" + reliaVersion + "\"}\n";
        return new Response(200, "application/json;charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    private Response reset() throws ApiException {
        registry.reset();
        return Response.empty(204);
    }

    private Response populate(byte[] body) throws ApiException {
        List<ProxyRegistry.ProxyRequest> requests = ProxyJson.populate(ProxyJson.parse(body));
        try {
            return Response.json(201, ProxyJson.populated(registry.populate(requests), null));
        } catch (ProxyRegistry.PopulateFailure failure) {
            return Response.json(failure.cause.status(), ProxyJson.populated(failure.done, failure.cause));
        }
    }

    private Response connections(String name) throws ApiException {
        FaultProxy proxy = registry.get(name);
        List<Future<ConnectionInfo>> asked = new ArrayList<>();
        for (ProxyConnection connection : proxy.connections()) {
            asked.add(connection.client().eventLoop().submit(connection::info));
        }
        // One deadline for all: a thousand connections on a busy loop must not hold the API a thousand seconds.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECTION_INFO_WAIT_MILLIS);
        List<ConnectionInfo> infos = new ArrayList<>();
        for (Future<ConnectionInfo> info : asked) {
            try {
                infos.add(info.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(500, "interrupted while listing connections");
            } catch (ExecutionException | TimeoutException e) {
                // The connection closed or its loop is busy: it is not listed.
            }
        }
        infos.sort((a, b) -> Long.compare(a.id(), b.id()));
        return Response.json(200, ProxyJson.connections(infos));
    }

    private static boolean only(String method, String allowed) {
        return method.equals(allowed);
    }

    private static Response notFound() {
        return Response.text(404, "404 page not found\n");
    }

    private static Response notAllowed() {
        return Response.empty(405);
    }

    private static List<String> segments(String rawPath) {
        int query = rawPath.indexOf('?');
        String path = query < 0 ? rawPath : rawPath.substring(0, query);
        List<String> segments = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                segments.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }
}
