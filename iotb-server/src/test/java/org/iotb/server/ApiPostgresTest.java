package org.iotb.server;

import org.iotb.store.db.Database;
import org.junit.jupiter.api.Tag;

/** The API end to end on a real PostgreSQL (a throw-away cluster; skipped when PostgreSQL is not installed). */
@Tag("integration")
class ApiPostgresTest extends ApiEndToEndTest {
    @Override
    Database.Kind kind() {
        return Database.Kind.POSTGRESQL;
    }
}
