package dev.tokendesk.user;

import dev.tokendesk.role.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person or client that logs in and owns API tokens. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "document_id", nullable = false, length = 32)
    private String documentId;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "username_key", nullable = false, length = 100)
    private String usernameKey;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "email_key", nullable = false, length = 254)
    private String emailKey;

    @Column(name = "password_hash", nullable = false, length = 200)
    private String passwordHash;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "role_id", nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean blocked;

    @Column(name = "credential_version", nullable = false)
    private int credentialVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected User() {
    }

    User(String documentId, String username, String email, String passwordHash, Role role, Instant now) {
        this.documentId = documentId;
        this.username = username;
        this.usernameKey = Identifiers.key(username);
        this.email = email;
        this.emailKey = Identifiers.key(email);
        this.passwordHash = passwordHash;
        this.role = role;
        this.credentialVersion = 1;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public Role getRole() {
        return role;
    }

    public boolean isBlocked() {
        return blocked;
    }

    public int getCredentialVersion() {
        return credentialVersion;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.credentialVersion++;
        this.updatedAt = now;
    }

    void setBlocked(boolean blocked, Instant now) {
        if (blocked && !this.blocked) {
            this.credentialVersion++;
        }
        this.blocked = blocked;
        this.updatedAt = now;
    }

    void rename(String username, String email, Instant now) {
        this.username = username;
        this.usernameKey = Identifiers.key(username);
        this.email = email;
        this.emailKey = Identifiers.key(email);
        this.updatedAt = now;
    }

    public String getEmail() {
        return email;
    }

    void setRole(Role role, Instant now) {
        this.role = role;
        this.updatedAt = now;
    }

    void bumpCredentialVersion(Instant now) {
        this.credentialVersion++;
        this.updatedAt = now;
    }

    public UserView toView() {
        return new UserView(id, documentId, username, email, role.getId(), role.getName(), blocked,
                credentialVersion, createdAt, updatedAt);
    }
}
