/** Connection pool, Flyway migrations and the Hibernate session factory. No HTTP, no JavaFX. */
package dev.tokendesk.db;
