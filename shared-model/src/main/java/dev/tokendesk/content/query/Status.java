package dev.tokendesk.content.query;

/** Which version of draft-and-publish entries a request reads, as Strapi v5's {@code status} parameter selects it. */
public enum Status {
    /** Published entries only; the default. */
    PUBLISHED,
    /** The draft version of every entry, shown with {@code publishedAt: null}. */
    DRAFT
}
