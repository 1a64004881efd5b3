package dev.tpmconsole.model.catalogue;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * What the catalogue's rows of a cloud (its audits, findings, acknowledgements and runs) have in common: the id
 * SQLite gives them and the cloud they belong to. The schema is Flyway's: a run's {@code cloud_id} may be null
 * (ON DELETE SET NULL), the others' are NOT NULL there.
 */
@MappedSuperclass
public abstract class CloudRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "cloud_id")
    private Cloud cloud;

    protected CloudRow() {
    }

    CloudRow(Cloud cloud) {
        this.cloud = cloud;
    }

    public Long getId() {
        return id;
    }

    public Cloud getCloud() {
        return cloud;
    }
}
