package dev.tokendesk.role;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Row of a permission table: an action name on a content type uid, as stored. */
@Embeddable
public class GrantedAction {

    @Column(name = "content_type_uid", nullable = false, length = 200)
    private String contentTypeUid;

    @Column(name = "action", nullable = false, length = 20)
    private String action;

    protected GrantedAction() {
    }

    public GrantedAction(Permission permission) {
        this.contentTypeUid = permission.contentTypeUid();
        this.action = permission.action().apiName();
    }

    public Permission toPermission() {
        return new Permission(contentTypeUid, Action.parse(action));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GrantedAction row
                && row.contentTypeUid.equals(contentTypeUid)
                && row.action.equals(action);
    }

    @Override
    public int hashCode() {
        return Objects.hash(contentTypeUid, action);
    }
}
