package org.iotb.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.iotb.store.testing.Databases;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The migrations build the whole schema on an empty database of each kind, and opening again changes nothing. */
@Tag("integration")
class MigrationsTest {
    private static final List<String> TABLES = List.of("organisations", "users", "api_tokens", "products",
            "firmware_versions", "declarations_versions", "assessment_runs", "reviews", "audit_log", "blobs",
            "scheduled_tasks");

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void migratesAnEmptyDatabaseAndASecondOpenIsANoOp(Database.Kind kind, @TempDir Path data) throws Exception {
        String url = Databases.url(kind);
        int applied;
        try (Database db = Database.open(url, data)) {
            assertThat(db.kind()).isEqualTo(kind);
            assertThat(db.reachable()).isTrue();
            for (String table : TABLES) {
                int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
                assertThat(rows).as(table).isZero();
            }
            applied = history(db);
            assertThat(applied).isEqualTo(2);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO organisations (name, created_at) VALUES ('kept', 1)"));
        }
        try (Database again = Database.open(url, data)) {
            assertThat(history(again)).isEqualTo(applied);
            List<String> names = again.jdbi().withHandle(h -> h.createQuery("SELECT name FROM organisations").mapTo(String.class).list());
            assertThat(names).containsExactly("kept");
        }
    }

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void theAuditLogRefusesUpdateAndDelete(Database.Kind kind, @TempDir Path data) throws Exception {
        try (Database db = Databases.open(kind, data)) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO audit_log (at, actor, action, subject) VALUES (1, 'a', 'b', 'c')"));
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("UPDATE audit_log SET actor = 'x'")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("DELETE FROM audit_log")))
                    .hasMessageContaining("append-only");
            List<String> actors = db.jdbi().withHandle(h -> h.createQuery("SELECT actor FROM audit_log").mapTo(String.class).list());
            assertThat(actors).containsExactly("a");
        }
    }

    private static int history(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = true")
                .mapTo(Integer.class).one());
    }
}
