/** JWTs for users who log in with a password. */
package dev.tokendesk.jwt;
