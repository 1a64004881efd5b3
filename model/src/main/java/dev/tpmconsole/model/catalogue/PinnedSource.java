package dev.tpmconsole.model.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A source the user assigned to a cloud ({@code clouds split}): it belongs there whatever its markers say. */
@Entity
@Table(name = "cloud_source")
public class PinnedSource {

    @Id
    private String source;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cloud_id")
    private Cloud cloud;

    protected PinnedSource() {
    }

    PinnedSource(String source, Cloud cloud) {
        this.source = source;
        this.cloud = cloud;
    }

    public String getSource() {
        return source;
    }

    public Cloud getCloud() {
        return cloud;
    }

    void setCloud(Cloud cloud) {
        this.cloud = cloud;
    }
}
