package org.iotb.store.jobs;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/**
 * db-scheduler on SQLite: its generic SQL limits rows with {@code OFFSET 0 ROWS FETCH FIRST n ROWS ONLY}, which SQLite
 * does not parse; SQLite says {@code LIMIT n}. Times are stored as epoch milliseconds (sqlite-jdbc's default), so the
 * zone question of {@code TIMESTAMP} columns does not arise.
 */
final class SqliteJdbcCustomization extends DefaultJdbcCustomization {
    SqliteJdbcCustomization() {
        super(true);
    }

    @Override
    public String getName() {
        return "SQLite";
    }

    @Override
    public boolean supportsExplicitQueryLimitPart() {
        return true;
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }

    @Override
    public String createSelectDueQuery(String tableName, int limit, String andCondition, boolean orderByPriority) {
        return "SELECT * FROM " + tableName + " WHERE picked = ? AND execution_time <= ? " + andCondition
                + " ORDER BY " + (orderByPriority ? "priority DESC, " : "") + "execution_time ASC" + getQueryLimitPart(limit);
    }
}
