package org.iotb.store.batch;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/**
 * db-scheduler on SQLite: its default SQL ends a due-query with the ANSI "OFFSET 0 ROWS FETCH FIRST n ROWS ONLY",
 * which SQLite does not parse; SQLite wants "LIMIT n". Times are stored in UTC.
 */
final class SqliteJdbcCustomization extends DefaultJdbcCustomization {
    SqliteJdbcCustomization() {
        super(true);
    }

    @Override
    public boolean supportsExplicitQueryLimitPart() {
        return true;
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return "LIMIT " + limit;
    }

    @Override
    public String getName() {
        return "SQLite";
    }
}
