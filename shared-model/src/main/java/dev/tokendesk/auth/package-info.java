/**
 * Turns a presented credential into a {@link dev.tokendesk.auth.Principal} with its effective
 * permissions. Knows nothing of HTTP: the server's mechanisms extract credentials and call in.
 */
package dev.tokendesk.auth;
