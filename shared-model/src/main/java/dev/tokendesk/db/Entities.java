package dev.tokendesk.db;

import dev.tokendesk.content.ComponentRecord;
import dev.tokendesk.content.ContentEntry;
import dev.tokendesk.content.ContentTypeRecord;
import dev.tokendesk.content.IndexedLink;
import dev.tokendesk.content.IndexedValue;
import dev.tokendesk.content.UniqueValueClaim;
import dev.tokendesk.audit.AuditEvent;
import dev.tokendesk.audit.AuthFailureCount;
import dev.tokendesk.event.ChangeVersion;
import dev.tokendesk.role.Role;
import dev.tokendesk.token.ApiToken;
import dev.tokendesk.user.User;
import java.util.List;

/** Every entity class that Hibernate maps; the schema validation at start covers each of them. */
public final class Entities {

    public static final List<Class<?>> ALL = List.of(
            Role.class,
            User.class,
            ApiToken.class,
            AuditEvent.class,
            AuthFailureCount.class,
            ChangeVersion.class,
            ContentTypeRecord.class,
            ComponentRecord.class,
            ContentEntry.class,
            UniqueValueClaim.class,
            IndexedValue.class,
            IndexedLink.class);

    private Entities() {
    }
}
