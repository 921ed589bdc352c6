package dev.tokendesk.content;

import java.util.Arrays;
import java.util.Optional;

/** Cardinality of a relation attribute, declared by Strapi's {@code relation} field. */
public enum RelationKind {
    ONE_TO_ONE("oneToOne", false),
    ONE_TO_MANY("oneToMany", true),
    MANY_TO_ONE("manyToOne", false),
    MANY_TO_MANY("manyToMany", true);

    private final String schemaName;
    private final boolean toMany;

    RelationKind(String schemaName, boolean toMany) {
        this.schemaName = schemaName;
        this.toMany = toMany;
    }

    public String schemaName() {
        return schemaName;
    }

    /** Returns whether an entry points at a list of targets rather than at most one. */
    public boolean toMany() {
        return toMany;
    }

    /** Returns the kind whose schema name is {@code value}, matched exactly. */
    public static Optional<RelationKind> fromSchemaName(String value) {
        return Arrays.stream(values()).filter(kind -> kind.schemaName.equals(value)).findFirst();
    }
}
