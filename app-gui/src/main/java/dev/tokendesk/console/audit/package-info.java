/** Audit screen: recent admin actions and the counts of rejected credentials. */
package dev.tokendesk.console.audit;
