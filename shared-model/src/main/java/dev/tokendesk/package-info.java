/**
 * TokenDesk's shared model: the {@link dev.tokendesk.TokenDesk} object that wires the services,
 * and the exceptions they throw. Nothing here depends on HTTP or JavaFX.
 */
package dev.tokendesk;
