package dev.tpmconsole.model.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A ZStack cloud: every snapshot and live database of it, recognised by its {@link CloudMarker}s. */
@Entity
@Table(name = "cloud")
public class Cloud {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Column(nullable = false)
    private String label;

    @Column(name = "created_at", nullable = false)
    @Convert(converter = InstantText.class)
    private Instant createdAt;

    protected Cloud() {
    }

    Cloud(String label, Instant createdAt) {
        this.label = label;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    /** The name the user gave it, or null. */
    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    /** What it is called: its name, else the first source seen of it. */
    public String displayName() {
        return name != null ? name : label;
    }

    public String getLabel() {
        return label;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
