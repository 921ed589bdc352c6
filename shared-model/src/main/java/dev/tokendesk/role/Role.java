package dev.tokendesk.role;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A named set of permissions; every user has exactly one role. */
@Entity
@Table(name = "roles")
public class Role {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "name_key", nullable = false, length = 100)
    private String nameKey;

    @Column(nullable = false, length = 20)
    private String type;

    @Column(length = 500)
    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_permissions", joinColumns = @JoinColumn(name = "role_id"))
    private Set<GrantedAction> grants = new HashSet<>();

    protected Role() {
    }

    Role(String name, String nameKey, RoleType type, String description) {
        this.name = name;
        this.nameKey = nameKey;
        this.type = type.dbValue();
        this.description = description;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public RoleType getType() {
        return RoleType.fromDbValue(type);
    }

    public String getDescription() {
        return description;
    }

    public PermissionSet permissions() {
        return PermissionSet.of(grants.stream().map(GrantedAction::toPermission).collect(Collectors.toSet()));
    }

    void rename(String name, String nameKey) {
        this.name = name;
        this.nameKey = nameKey;
    }

    void setPermissions(Set<Permission> permissions) {
        grants.clear();
        permissions.forEach(permission -> grants.add(new GrantedAction(permission)));
    }

    public RoleView toView() {
        return new RoleView(id, name, getType(), description, permissions());
    }
}
