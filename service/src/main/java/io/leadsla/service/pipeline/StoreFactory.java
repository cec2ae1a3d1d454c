package io.leadsla.service.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.zaxxer.hikari.HikariDataSource;
import io.leadsla.store.Backend;
import io.leadsla.store.StoreDataSource;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;

/**
 * Where leadsla keeps its state: PostgreSQL when {@code url} is set ({@code LEADSLA_DB_URL}),
 * otherwise the embedded store in {@code embeddedDirectory}.
 */
public class StoreFactory {

    private String url = "";
    private String user = "";
    private String password = "";
    @NotEmpty
    private String embeddedDirectory = "data";
    @Min(2)
    @Max(200)
    private int maxConnections = 10;

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url == null ? "" : url.trim();
    }

    @JsonProperty
    public String getUser() {
        return user;
    }

    @JsonProperty
    public void setUser(String user) {
        this.user = user == null ? "" : user;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    @JsonProperty
    public String getEmbeddedDirectory() {
        return embeddedDirectory;
    }

    @JsonProperty
    public void setEmbeddedDirectory(String embeddedDirectory) {
        this.embeddedDirectory = embeddedDirectory;
    }

    @JsonProperty
    public int getMaxConnections() {
        return maxConnections;
    }

    @JsonProperty
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** The JDBC URL in use: the configured one, or the embedded store's. */
    public String jdbcUrl() {
        return url.isEmpty() ? Backend.embeddedUrl(Path.of(embeddedDirectory)) : url;
    }

    /** What to say in logs: the back-end and where, never the credentials. */
    public String describe() {
        return url.isEmpty() ? "embedded store in " + Path.of(embeddedDirectory).toAbsolutePath()
                : "PostgreSQL at " + url.replaceAll("password=[^&]*", "password=…");
    }

    public HikariDataSource build() {
        return StoreDataSource.pooled(jdbcUrl(), user.isEmpty() ? null : user, password.isEmpty() ? null : password,
                maxConnections, "leadsla-store");
    }
}
