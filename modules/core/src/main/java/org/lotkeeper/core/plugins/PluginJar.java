package org.lotkeeper.core.plugins;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A plugin jar an admin installed, with its content, so that every server sharing the database
 * loads it. Rows are inserted by an install and deleted by an uninstall, never updated.
 */
@Entity
@Table(name = "plugin_jar")
public class PluginJar {

    @Id
    @Column(name = "file_name", length = 100)
    private String fileName;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "installed_by", nullable = false, length = 100)
    private String installedBy;

    @Column(name = "installed_at", nullable = false)
    private Instant installedAt;

    protected PluginJar() {
    }

    PluginJar(StoredJar jar, byte[] content, String installedBy, Instant installedAt) {
        this.fileName = jar.fileName();
        this.sha256 = jar.sha256();
        this.size = jar.size();
        this.content = content;
        this.installedBy = installedBy;
        this.installedAt = installedAt;
    }

    public String getFileName() {
        return fileName;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSize() {
        return size;
    }

    public String getInstalledBy() {
        return installedBy;
    }

    public Instant getInstalledAt() {
        return installedAt;
    }
}
