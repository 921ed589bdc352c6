/**
 * Strapi content types, components and entries: importing {@code schema.json} files, validating
 * entries against them and storing each entry's attributes as one JSON document.
 *
 * <p>{@link dev.tokendesk.content.ContentService} is the entry point for the API server and the
 * console. Nothing here depends on HTTP or JavaFX.
 */
package dev.tokendesk.content;
