/** Roles and permissions screen: a matrix of content types by action for one role. */
package dev.tokendesk.console.roles;
