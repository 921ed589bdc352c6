/**
 * The OpenAPI 3.0 description of the content API, generated from the stored content types on each
 * request so it always matches the routes. Depends on the content model and Jackson only.
 */
package dev.tokendesk.server.openapi;
