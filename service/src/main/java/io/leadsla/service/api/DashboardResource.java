package io.leadsla.service.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /}: the RevOps dashboard, one self-contained page (no CDN: the demo runs offline)
 * that reads {@code /api/kpis} and {@code /api/leads}.
 */
@Path("/")
public final class DashboardResource {

    private final byte[] page;

    public DashboardResource() {
        try (InputStream in = DashboardResource.class.getResourceAsStream("/dashboard/index.html")) {
            if (in == null) {
                throw new IllegalStateException("dashboard/index.html is missing from the jar");
            }
            page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public byte[] dashboard() {
        return page;
    }
}
