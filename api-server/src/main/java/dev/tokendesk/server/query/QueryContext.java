package dev.tokendesk.server.query;

import dev.tokendesk.content.Attribute;
import dev.tokendesk.content.AttributeType;
import dev.tokendesk.content.ComponentView;
import dev.tokendesk.content.ContentKind;
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
    private final Function<String, Optional<ComponentView>> components;
    private final TargetAccess access;

    /**
     * Creates the context of one request. {@code components} finds a component by uid, and is
     * called only when a filter reaches into a component.
     */
    public QueryContext(List<ContentTypeView> types, Function<String, Optional<ComponentView>> components, TargetAccess access) {
        this.types = types.stream().collect(Collectors.toUnmodifiableMap(ContentTypeView::uid, Function.identity()));
        this.components = components;
        this.access = access;
    }

    /**
     * Returns the attributes of the component that {@code attribute} contains as a content type
     * named after the component, so filters inside it are checked like filters on a type.
     */
    Optional<ContentTypeView> componentScope(Attribute attribute) {
        return components.apply(attribute.component())
                .map(component -> new ContentTypeView(component.uid(), ContentKind.COLLECTION_TYPE, component.uid(), component.uid(),
                        component.displayName(), false, component.attributes()));
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
        return field(type, name, parameter, use, "");
    }

    /**
     * Returns the field called {@code name} like {@link #field(ContentTypeView, String, String, String)};
     * inside a component, {@code prefix} is the component's dotted path with a final dot, such as
     * {@code information.}, and components have no system fields.
     */
    static Field field(ContentTypeView type, String name, String parameter, String use, String prefix) {
        Optional<Field.SystemField> system = Field.SystemField.fromApiName(name);
        if (system.isPresent() && prefix.isEmpty()) {
            return Field.of(system.get());
        }
        Attribute attribute = visibleAttribute(type, name, parameter, use);
        try {
            return Field.attribute(prefix + attribute.name(), attribute.type());
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
