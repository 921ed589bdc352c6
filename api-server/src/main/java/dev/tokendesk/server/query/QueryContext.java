package dev.tokendesk.server.query;

import dev.tokendesk.content.Attribute;
import dev.tokendesk.content.AttributeType;
import dev.tokendesk.content.ContentTypeView;
import dev.tokendesk.content.query.Field;
import dev.tokendesk.server.error.ApiException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The context of parsing besides the tree: every content type by uid, to follow relations, and the
 * caller's access to relation targets. Immutable.
 */
public final class QueryContext {

    private final Map<String, ContentTypeView> types;
    private final TargetAccess access;

    public QueryContext(List<ContentTypeView> types, TargetAccess access) {
        this.types = types.stream().collect(Collectors.toUnmodifiableMap(ContentTypeView::uid, Function.identity()));
        this.access = access;
    }

    TargetAccess access() {
        return access;
    }

    /** Returns the target type of a relation; plugin types such as users are returned too. */
    Optional<ContentTypeView> type(String uid) {
        return Optional.ofNullable(types.get(uid));
    }

    /**
     * Returns the attribute that a query may name, or throws the same 400 for a missing, private
     * and password attribute, so the message does not reveal which hidden attributes exist.
     */
    static Attribute visibleAttribute(ContentTypeView type, String name, String parameter, String use) {
        return type.attribute(name)
                .filter(Attribute::isReturned)
                .orElseThrow(() -> invalidKey(type, name, parameter, use));
    }

    /** Returns the field called {@code name} for filtering or sorting: a system field or an indexed, visible scalar attribute. */
    static Field field(ContentTypeView type, String name, String parameter, String use) {
        Optional<Field.SystemField> system = Field.SystemField.fromApiName(name);
        if (system.isPresent()) {
            return Field.of(system.get());
        }
        Attribute attribute = visibleAttribute(type, name, parameter, use);
        try {
            return Field.attribute(attribute.name(), attribute.type());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(parameter, "Invalid key '" + name + "' in " + parameter + ": attributes of type "
                    + attribute.type().schemaName() + " cannot be " + use);
        }
    }

    static boolean isRelation(Attribute attribute) {
        return attribute.type() == AttributeType.RELATION;
    }

    static ApiException invalidKey(ContentTypeView type, String name, String parameter, String use) {
        return ApiException.badParameter(parameter, "Invalid key '" + name + "' in " + parameter + ": " + type.singularName()
                + " has no attribute with this name that can be " + use);
    }
}
