package org.iotb.store.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.iotb.store.db.Database;
import org.iotb.store.testing.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may see and do what, on both databases: a client-viewer of organisation A gets "not found" for every id of
 * organisation B (never "forbidden": guessing ids tells them nothing), an assessor cannot create accounts, a reviewer
 * cannot sign off a run they started, and the audit log's rows never change.
 */
@Tag("integration")
class WorkspaceAuthorisationTest {

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void aClientViewerSeesOnlyTheirOrganisation(Database.Kind kind, @TempDir Path data) throws Exception {
        try (Fixtures.Env env = Fixtures.workspace(kind, data)) {
            Workspace ws = env.ws();
            Product a = ws.createProduct(env.assessor(), env.orgA(), "Lock A", Fixtures.exampleProfile());
            Product b = ws.createProduct(env.assessor(), env.orgB(), "Lock B", Fixtures.exampleProfile());
            ws.saveDeclarations(env.assessor(), b.id(), Fixtures.exampleDeclarations(), "first");
            AssessmentRun runB = ws.uploadFirmware(env.assessor(), b.id(), "1.0", "b.bin", new ByteArrayInputStream(new byte[] {1, 2, 3}));
            long versionB = ws.versions(env.assessor(), b.id()).get(0).id();
            Actor alice = env.viewerA();

            assertThat(ws.products(alice)).extracting(s -> s.product().id()).containsExactly(a.id());
            // the standing: each product's newest version and that version's newest run (no queue runs here)
            AssessmentRun runB2 = ws.uploadFirmware(env.assessor(), b.id(), "1.1", "b2.bin", new ByteArrayInputStream(new byte[] {4, 5}));
            AssessmentRun runB3 = ws.reassess(env.assessor(), runB2.firmwareVersionId());
            assertThat(ws.products(env.assessor())).extracting(s -> s.product().id(),
                            s -> s.latestVersion() == null ? null : s.latestVersion().version(),
                            s -> s.latestAssessment() == null ? null : s.latestAssessment().id())
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(a.id(), null, null),
                            org.assertj.core.groups.Tuple.tuple(b.id(), "1.1", runB3.id()));
            assertThat(ws.organisations(alice)).extracting(Organisation::id).containsExactly(env.orgA());
            assertThat(ws.product(alice, a.id()).name()).isEqualTo("Lock A");

            List<ThrowingCallable> intoB = List.of(
                    () -> ws.product(alice, b.id()),
                    () -> ws.versions(alice, b.id()),
                    () -> ws.assessments(alice, b.id()),
                    () -> ws.assessment(alice, runB.id()),
                    () -> ws.assessmentJson(alice, runB.id()),
                    () -> ws.report(alice, runB.id(), "html"),
                    () -> ws.reviews(alice, runB.id()),
                    () -> ws.declarationsHistory(alice, b.id()),
                    () -> ws.saveDeclarations(alice, b.id(), Fixtures.exampleDeclarations(), null),
                    () -> ws.updateProfile(alice, b.id(), Fixtures.exampleProfile()),
                    () -> ws.uploadFirmware(alice, b.id(), "2.0", "x.bin", new ByteArrayInputStream(new byte[] {1})),
                    () -> ws.reassess(alice, versionB),
                    () -> ws.retry(alice, runB.id()),
                    () -> ws.signOff(alice, runB.id(), "approved", null),
                    () -> ws.createProduct(alice, env.orgB(), "Sneaky", Fixtures.exampleProfile()));
            for (ThrowingCallable call : intoB) {
                assertThatThrownBy(call).isInstanceOf(NotFoundException.class);
            }
            // ids that do not exist at all give the same answer
            assertThatThrownBy(() -> ws.product(alice, 999_999)).isInstanceOf(NotFoundException.class);
            // in their own organisation a client-viewer reads but may not change
            assertThatThrownBy(() -> ws.updateProfile(alice, a.id(), Fixtures.exampleProfile())).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> ws.saveDeclarations(alice, a.id(), Fixtures.exampleDeclarations(), null))
                    .isInstanceOf(ForbiddenException.class);
            // the audit log they read is their organisation's only
            assertThat(ws.audit(alice, 100)).noneMatch(e -> e.subject().equals("product " + b.id()));
            assertThat(ws.audit(env.viewerB(), 100)).anyMatch(e -> e.subject().equals("product " + b.id()));
        }
    }

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void rolesLimitWhatAUserMayDo(Database.Kind kind, @TempDir Path data) throws Exception {
        try (Fixtures.Env env = Fixtures.workspace(kind, data)) {
            Workspace ws = env.ws();
            assertThatThrownBy(() -> ws.createUser(env.assessor(), "mallory", Fixtures.PASSWORD, Role.ADMIN, null))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> ws.createOrganisation(env.reviewer(), "Org C")).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> ws.createProduct(env.reviewer(), env.orgA(), "P", Fixtures.exampleProfile()))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> ws.createProduct(env.assessor(), env.orgA(), "P", "product: [not, a, profile"))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(ws.users(env.assessor())).extracting(User::username).containsExactly("tess");
            assertThat(ws.authenticate("tess", "wrong password".toCharArray())).isEmpty();
            assertThat(ws.authenticate("nobody", Fixtures.PASSWORD)).isEmpty();
            assertThat(ws.authenticate("tess", Fixtures.PASSWORD)).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ASSESSOR));
            assertThat(ws.bootstrapAdmin("second", Fixtures.PASSWORD)).isFalse();

            Product p = ws.createProduct(env.assessor(), env.orgA(), "Lock", Fixtures.exampleProfile());
            AssessmentRun run = ws.uploadFirmware(env.assessor(), p.id(), "1.0", "fw.bin", new ByteArrayInputStream(new byte[] {1}));
            // a reviewer who started the run (say, an assessor since moved to review) may not sign it off
            env.db().jdbi().useHandle(h -> h.execute("UPDATE assessment_runs SET started_by = ?, status = 'done' WHERE id = ?",
                    env.reviewer().userId(), run.id()));
            assertThatThrownBy(() -> ws.signOff(env.reviewer(), run.id(), "approved", "looks fine"))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("started");
            assertThatThrownBy(() -> ws.signOff(env.assessor(), run.id(), "approved", null)).isInstanceOf(ForbiddenException.class);
            env.db().jdbi().useHandle(h -> h.execute("UPDATE assessment_runs SET started_by = ? WHERE id = ?",
                    env.assessor().userId(), run.id()));
            Review r = ws.signOff(env.reviewer(), run.id(), "approved", "checked the evidence");
            assertThat(r.reviewer()).isEqualTo("rita");
            assertThat(ws.assessment(env.viewerA(), run.id()).reviewStatus()).isEqualTo("approved");
            assertThat(ws.reviews(env.viewerA(), run.id())).containsExactly(r);
        }
    }

    @ParameterizedTest
    @MethodSource("org.iotb.store.testing.Databases#kinds")
    void changesAreAuditedAndAuditRowsNeverChange(Database.Kind kind, @TempDir Path data) throws Exception {
        try (Fixtures.Env env = Fixtures.workspace(kind, data)) {
            Workspace ws = env.ws();
            Product p = ws.createProduct(env.assessor(), env.orgA(), "Lock", Fixtures.exampleProfile());
            String first = Fixtures.exampleDeclarations();
            ws.saveDeclarations(env.assessor(), p.id(), first, "initial answers");
            List<AuditEntry> before = ws.audit(env.admin(), 1000);

            String second = first.replace("\"5.1-5\": {support: Y", "\"5.1-5\": {support: N");
            assertThat(second).isNotEqualTo(first);
            DeclarationsVersion v2 = ws.saveDeclarations(env.assessor(), p.id(), second, "lock-out removed");
            assertThat(v2.number()).isEqualTo(2);
            ws.updateProfile(env.assessor(), p.id(), Fixtures.exampleProfile() + "\n# edited\n");
            AssessmentRun run = ws.uploadFirmware(env.assessor(), p.id(), "1.0", "fw.bin", new ByteArrayInputStream(new byte[] {7}));
            env.db().jdbi().useHandle(h -> h.execute("UPDATE assessment_runs SET status = 'failed' WHERE id = ?", run.id()));
            ws.retry(env.assessor(), run.id());
            ws.createUser(env.admin(), "carol", Fixtures.PASSWORD, Role.REVIEWER, null);

            List<AuditEntry> after = ws.audit(env.admin(), 1000);
            // newest first: the old entries are the tail, unchanged
            assertThat(after.subList(after.size() - before.size(), after.size())).isEqualTo(before);
            List<String> actions = after.subList(0, after.size() - before.size()).stream().map(AuditEntry::action).toList();
            assertThat(actions).containsExactly("user.create", "assessment.retry", "firmware.upload", "product.profile",
                    "declarations.save");
            AuditEntry saved = after.stream().filter(e -> e.action().equals("declarations.save")).findFirst().orElseThrow();
            assertThat(saved.detail()).contains("revision 2").contains("changed etsi-en-303-645 5.1-5 (support Y→N)")
                    .contains("lock-out removed");
            assertThat(saved.actor()).isEqualTo("tess");
            assertThat(ws.declarationsHistory(env.viewerA(), p.id())).extracting(DeclarationsVersion::number).containsExactly(2, 1);
        }
    }
}
