package io.leadsla.service.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** How this instance runs the pipeline (docs/OPERATIONS.md: several instances). */
public class PipelineFactory {

    /** Names this instance in leases (a random suffix is added). Empty: the host name. */
    private String instanceId = "";
    /** How often an idle worker looks for due clocks: the breach latency's floor. */
    @NotNull
    private Duration idlePoll = Duration.milliseconds(100);
    @Min(1)
    @Max(10_000)
    private int batch = 500;
    /** A CRM account's lease: a dead holder's work moves to another instance after this. */
    @NotNull
    private Duration leaseDuration = Duration.seconds(30);

    /** Health: a clock that should have changed status longer ago than this is noticed late. */
    @NotNull
    private Duration maxFoldLag = Duration.minutes(1);
    /** Health: the oldest unread inbox item may wait this long. */
    @NotNull
    private Duration maxInboxLag = Duration.minutes(5);

    @JsonProperty
    public Duration getMaxFoldLag() {
        return maxFoldLag;
    }

    @JsonProperty
    public void setMaxFoldLag(Duration maxFoldLag) {
        this.maxFoldLag = maxFoldLag;
    }

    @JsonProperty
    public Duration getMaxInboxLag() {
        return maxInboxLag;
    }

    @JsonProperty
    public void setMaxInboxLag(Duration maxInboxLag) {
        this.maxInboxLag = maxInboxLag;
    }

    @JsonProperty
    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId == null ? "" : instanceId.trim();
    }

    /**
     * This process's holder id in leases: the configured name or the host name, always with a
     * random suffix — two processes with one id (a shared YAML, containers with one host name)
     * would renew each other's lease and both write.
     */
    public String instanceId() {
        String base = instanceId;
        if (base.isEmpty()) {
            try {
                base = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                base = "leadsla";
            }
        }
        return base + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    @JsonProperty
    public Duration getIdlePoll() {
        return idlePoll;
    }

    @JsonProperty
    public void setIdlePoll(Duration idlePoll) {
        this.idlePoll = idlePoll;
    }

    @JsonProperty
    public int getBatch() {
        return batch;
    }

    @JsonProperty
    public void setBatch(int batch) {
        this.batch = batch;
    }

    @JsonProperty
    public Duration getLeaseDuration() {
        return leaseDuration;
    }

    @JsonProperty
    public void setLeaseDuration(Duration leaseDuration) {
        this.leaseDuration = leaseDuration;
    }
}
