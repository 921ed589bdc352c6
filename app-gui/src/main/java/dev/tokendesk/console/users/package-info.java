/** Users screen: list of users and the form that creates one. */
package dev.tokendesk.console.users;
