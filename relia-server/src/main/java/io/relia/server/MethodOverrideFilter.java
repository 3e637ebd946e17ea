package io.relia.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

/**
 * Hides the method-override headers from the router: Javalin routes a request by {@code X-HTTP-Method-Override}
 * when present, so a {@code GET} (which a browser page may send anywhere, and which passes no token check when
 * reads are open) would run a {@code POST} handler. Here the method on the request line is the only method.
 */
final class MethodOverrideFilter implements Filter {

    /** The override headers frameworks honour; all are hidden, whichever one a framework reads. */
    static final Set<String> HEADERS = Set.of("x-http-method-override", "x-http-method", "x-method-override");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request instanceof HttpServletRequest http ? new WithoutOverride(http) : request, response);
    }

    private static boolean hidden(String name) {
        return name != null && HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static final class WithoutOverride extends HttpServletRequestWrapper {

        WithoutOverride(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name)).toList());
        }
    }
}
