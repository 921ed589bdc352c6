package dev.tokendesk.role;

import java.util.Objects;

/**
 * One action on one content type, such as {@code find} on {@code api::restaurant.restaurant}.
 *
 * @param contentTypeUid Strapi uid of the content type
 * @param action the granted action
 */
public record Permission(String contentTypeUid, Action action) {

    public Permission {
        Objects.requireNonNull(contentTypeUid, "contentTypeUid");
        Objects.requireNonNull(action, "action");
    }

    @Override
    public String toString() {
        return contentTypeUid + "." + action.apiName();
    }
}
