package dev.tpmconsole.model.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One uuid a cloud is recognised by (a management node, zone, host or key provider of its data). */
@Entity
@Table(name = "cloud_marker")
@IdClass(CloudMarker.Key.class)
public class CloudMarker {

    @Id
    @Column(name = "cloud_id")
    private Long cloudId;

    @Id
    private String kind;

    @Id
    private String value;

    protected CloudMarker() {
    }

    public Long getCloudId() {
        return cloudId;
    }

    public String getKind() {
        return kind;
    }

    public String getValue() {
        return value;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Long cloudId;
        String kind;
        String value;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(cloudId, k.cloudId) && Objects.equals(kind, k.kind)
                    && Objects.equals(value, k.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cloudId, kind, value);
        }
    }
}
