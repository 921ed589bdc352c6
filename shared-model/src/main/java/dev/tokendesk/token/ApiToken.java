package dev.tokendesk.token;

import dev.tokendesk.role.GrantedAction;
import dev.tokendesk.role.Permission;
import dev.tokendesk.role.PermissionSet;
import dev.tokendesk.user.User;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** An API token as stored: its HMAC, never the token itself. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User owner;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 500)
    private String description;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "hash_version", nullable = false)
    private short hashVersion;

    @Column(nullable = false, length = 8)
    private String hint;

    @Column(nullable = false, length = 20)
    private String scope;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_used_ip", length = 45)
    private String lastUsedIp;

    @Column(name = "previous_token_hash", length = 64)
    private String previousTokenHash;

    @Column(name = "previous_valid_until")
    private Instant previousValidUntil;

    @Column(name = "allowed_ips", length = 2000)
    private String allowedIps;

    @Column(name = "regenerated_at")
    private Instant regeneratedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_token_permissions", joinColumns = @JoinColumn(name = "token_id"))
    private Set<GrantedAction> customPermissions = new HashSet<>();

    protected ApiToken() {
    }

    ApiToken(User owner, String name, String description, String tokenHash, String hint, TokenScope scope,
             Set<Permission> customPermissions, IpAllowList allowedIps, Instant createdAt, Instant expiresAt) {
        this.owner = owner;
        this.name = name;
        this.description = description;
        this.tokenHash = tokenHash;
        this.hashVersion = TokenHasher.VERSION;
        this.hint = hint;
        this.scope = scope.apiName();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.allowedIps = allowedIps.allowsAll() ? null : allowedIps.toString();
        customPermissions.forEach(permission -> this.customPermissions.add(new GrantedAction(permission)));
    }

    public Long getId() {
        return id;
    }

    public User getOwner() {
        return owner;
    }

    public TokenScope getScope() {
        return TokenScope.parse(scope);
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Instant getPreviousValidUntil() {
        return previousValidUntil;
    }

    public IpAllowList allowedIps() {
        return IpAllowList.parse(allowedIps);
    }

    public PermissionSet customPermissions() {
        return PermissionSet.of(customPermissions.stream().map(GrantedAction::toPermission).collect(Collectors.toSet()));
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /**
     * Replaces the stored hash with that of a new value. With a positive {@code grace} the old
     * value stays valid until {@code now + grace}; otherwise it stops working at once.
     */
    void regenerate(String newHash, String newHint, Instant now, java.time.Duration grace) {
        if (grace.isZero()) {
            previousTokenHash = null;
            previousValidUntil = null;
        } else {
            previousTokenHash = tokenHash;
            previousValidUntil = now.plus(grace);
        }
        tokenHash = newHash;
        hashVersion = TokenHasher.VERSION;
        hint = newHint;
        regeneratedAt = now;
    }

    public TokenView toView(Instant now) {
        return new TokenView(id, name, description, owner.getId(), owner.getUsername(), TokenFormat.displayHint(hint),
                getScope(), customPermissions(), createdAt, expiresAt, revokedAt, lastUsedAt, lastUsedIp,
                TokenStatus.of(revokedAt, expiresAt, now), allowedIps == null ? "" : allowedIps, regeneratedAt,
                previousValidUntil != null && previousValidUntil.isAfter(now) ? previousValidUntil : null);
    }
}
