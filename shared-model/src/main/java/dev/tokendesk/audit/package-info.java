/** The audit trail of admin actions and the counts of authentication failures. */
package dev.tokendesk.audit;
