package dev.tpmconsole.model.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/**
 * What browsing needs of a VmHostFileContentVO row: its format, dates and the size of its content, computed
 * by the database ({@code length(content)}), so that the blob itself is never read while browsing.
 * Read-only; the full row is {@link VmHostFileContentVO}.
 */
@Entity(name = "VmHostFileContentInfo")
@Table(name = "VmHostFileContentVO")
@Immutable
public class VmHostFileContentInfo {

    @Id
    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Formula("length(content)")
    private Long contentSize;

    @Column(name = "format", nullable = false)
    private String format;

    @Column(name = "createDate", nullable = false)
    private String createDate;

    @Column(name = "lastOpDate", nullable = false)
    private String lastOpDate;

    public String getUuid() {
        return uuid;
    }

    /** Bytes of content, or null when the content column is NULL. */
    public Long getContentSize() {
        return contentSize;
    }

    public String getFormat() {
        return format;
    }

    public String getCreateDate() {
        return createDate;
    }

    public String getLastOpDate() {
        return lastOpDate;
    }
}
