/** Tokens screen: list of API tokens, the issue form and revocation. */
package dev.tokendesk.console.tokens;
