package io.leadsla.connector.hubspot.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL HubSpot called, which the v3 signature covers. Behind a TLS-terminating proxy or load
 * balancer the server sees another scheme and host (http://10.0.0.5:8080/…) than HubSpot called
 * (https://leadsla.example.com/…): then the scheme and host come from the configured public base
 * URL and only the path and query from the request.
 */
public final class WebhookUrl {

    private final String publicOrigin; // null: the request's own URL

    private WebhookUrl(String publicOrigin) {
        this.publicOrigin = publicOrigin;
    }

    /** The request's own URL is the one HubSpot called (no proxy in between). */
    public static WebhookUrl asReceived() {
        return new WebhookUrl(null);
    }

    /**
     * HubSpot calls {@code publicBaseUrl} (scheme and host, e.g. {@code https://leadsla.example.com}),
     * and a proxy forwards the request with its path and query unchanged.
     *
     * @throws IllegalArgumentException when it is not an http(s) URL with a host and no path
     */
    public static WebhookUrl behindProxy(String publicBaseUrl) {
        URI base;
        try {
            base = new URI(publicBaseUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("public base URL '" + publicBaseUrl + "' is not a URL: " + e.getReason());
        }
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        boolean noPath = base.getRawPath() == null || base.getRawPath().isEmpty() || base.getRawPath().equals("/");
        if (!(scheme.equals("https") || scheme.equals("http")) || base.getRawAuthority() == null || !noPath
                || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new IllegalArgumentException("public base URL '" + publicBaseUrl + "' must be only a scheme and a host, "
                    + "e.g. https://leadsla.example.com: the path and query are taken from each request");
        }
        return new WebhookUrl(scheme + "://" + base.getRawAuthority());
    }

    /**
     * The URL HubSpot called, from the URL of the request as the server received it (absolute,
     * still percent-encoded, e.g. JAX-RS {@code UriInfo.getRequestUri()}).
     */
    public String calledUrl(String requestUrl) {
        return publicOrigin == null ? requestUrl : calledUrl(URI.create(requestUrl));
    }

    /** {@link #calledUrl(String)} for a request URI as JAX-RS gives it ({@code UriInfo.getRequestUri()}). */
    public String calledUrl(URI request) {
        if (publicOrigin == null) {
            return request.toString();
        }
        String path = request.getRawPath() == null ? "" : request.getRawPath();
        return publicOrigin + path + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery());
    }
}
