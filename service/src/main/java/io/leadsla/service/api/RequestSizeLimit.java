package io.leadsla.service.api;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Refuses, with 413 and before anything reads it, a request whose declared body is over the
 * limit, on every application path. The webhook endpoints, the only ones that take bodies, also
 * stop reading a chunked body past their own limit (and answer 413 then).
 */
public final class RequestSizeLimit implements Filter {

    private final long maxBytes;

    public RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (((HttpServletRequest) request).getContentLengthLong() > maxBytes) {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setStatus(413);
            // Jetty discards the unread body (or closes the connection when it is too large to drain)
            http.setContentType("application/json");
            http.getOutputStream().write(("{\"code\":413,\"message\":\"request body over " + maxBytes + " bytes\"}")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
