package dev.tokendesk.db;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * Tells HikariCP to drop a connection whose H2 database has closed itself. H2 closes the database
 * after a failed write, for example on a full disk, but its SQLSTATE 90098 is not one that
 * HikariCP treats as a broken connection. Without eviction every later request, reads included,
 * would get the dead connection; a new connection opens the file again.
 */
public final class ClosedDatabaseEviction implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException exception) {
        if (exception.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED) {
            return Override.MUST_EVICT;
        }
        return Override.CONTINUE_EVICT;
    }
}
