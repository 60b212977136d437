package org.iotb.server;

import org.iotb.store.db.Database;
import org.junit.jupiter.api.Tag;

/** The API end to end on the embedded SQLite workspace (runs real assessments: integration). */
@Tag("integration")
class ApiSqliteTest extends ApiEndToEndTest {
    @Override
    Database.Kind kind() {
        return Database.Kind.SQLITE;
    }
}
