package org.iotb.firmware.checks.misc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.UpdateImageFormat;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.tree.FileKind;
import org.iotb.firmware.tree.TreeFile;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.update.unsigned: scripts that download an image and flash it without any signature verification, opkg
 * configurations with signature checking switched off, and an update image whose own container format carries
 * only a checksum ({@link ScanContext#options()}{@code .updateFormat()}: SEAMA, TRX, legacy uImage, TP-Link header,
 * found by the unpacker at the start of the image as given), unless an update script in the image verifies a
 * signature before flashing (a detached signature: the check the container itself lacks). That fact only ever
 * adds a failure item: a signed or unknown container is never a reason to pass.
 */
public final class UpdateUnsignedCheck implements FirmwareCheck {
    private static final Pattern FETCH = Pattern.compile(
            "\\b(?:wget|curl|uclient-fetch|tftp|ftpget|scp|rsync|fetch|openssl\\s+s_client)\\b");
    private static final Pattern FLASH = Pattern.compile(
            "\\b(?:mtd\\s+(?:-[a-z]+\\s+)*write|sysupgrade|flashcp|nandwrite|flash_erase|mtd_write|fw_upgrade|"
                    + "dd\\s+[^\\n]*of=/dev/(?:mtd|mmcblk|sd)[a-z0-9]*|swupdate\\s|rauc\\s+install|ubiupdatevol|cat\\s+[^|]*>\\s*/dev/mtd)");
    private static final Pattern VERIFY = Pattern.compile(
            "(?i)\\b(?:gpgv?\\s+(?:--verify|-v)|openssl\\s+(?:dgst|pkeyutl|rsautl|smime|cms)\\s[^\\n]*-verify|usign\\s+-V|signify\\s+-V|"
                    + "verify_signature|check_signature|verify[_-]?sig\\w*|minisign\\s+-V|ucert\\s+-V|fwtool\\s+-s|rsa_verify|ecdsa_verify)");

    @Override
    public String id() {
        return "fw.update.unsigned";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        List<Evidence> hits = new ArrayList<>();
        int updaters = 0;
        for (TreeFile f : ctx.tree().files(f -> f.kind() == FileKind.SCRIPT || f.kind() == FileKind.WEB_ASSET
                && f.name().endsWith(".cgi"))) {
            List<String> ls = ctx.tree().lines(f);
            int fetch = 0;
            int flash = 0;
            boolean verify = false;
            for (int i = 0; i < ls.size(); i++) {
                String l = ls.get(i).strip();
                if (l.startsWith("#")) {
                    continue;
                }
                if (fetch == 0 && FETCH.matcher(l).find()) {
                    fetch = i + 1;
                }
                if (flash == 0 && FLASH.matcher(l).find()) {
                    flash = i + 1;
                }
                verify |= VERIFY.matcher(l).find();
            }
            if (fetch > 0 && flash > 0) {
                updaters++;
                if (!verify) {
                    hits.add(Evidence.line(f.path(), flash, "downloads (line " + fetch + ") and flashes without a "
                            + "signature check: " + Results.excerpt(ls.get(flash - 1))));
                }
            }
        }
        for (TreeFile f : ctx.tree().files(f -> f.isText() && f.name().equals("opkg.conf"))) {
            List<String> ls = ctx.tree().lines(f);
            for (int i = 0; i < ls.size(); i++) {
                if (ls.get(i).strip().matches("option\\s+check_signature\\s+(0|false|no)")) {
                    hits.add(Evidence.line(f.path(), i + 1, "opkg package signature checking disabled"));
                }
            }
        }
        int scriptHits = hits.size();
        // the container is what the device is given; a script that verifies a (detached) signature before flashing
        // is the check the container lacks, so the container counts only when no updater is seen verifying one
        UpdateImageFormat format = updaters > scriptHits ? null : ctx.options().updateFormat();
        if (format != null) {
            hits.add(0, formatEvidence(format));
        }
        int scripts = ctx.tree().ofKind(FileKind.SCRIPT).size();
        if (hits.isEmpty() && scripts == 0) {
            return List.of(Finding.notRun(id(), "no script in the image"));
        }
        if (hits.isEmpty() && updaters == 0) {
            return List.of(Finding.pass(id(), "no script both downloads and flashes firmware; read "
                    + ctx.tree().ofKind(FileKind.SCRIPT).size() + " script(s)", List.of()));
        }
        String found = scriptHits + " update path(s) install firmware without verifying a signature";
        if (format != null) {
            found = "update image format carries only a checksum, no signature"
                    + (scriptHits == 0 ? "" : "; " + found);
        }
        return Results.failOrPass(id(), Outcome.FAIL, scriptHits > 0 ? Severity.HIGH : Severity.MEDIUM, found, hits,
                updaters + " update script(s) verify a signature before flashing", List.of());
    }

    /** "update image format carries only a checksum (MD5), no signature: SEAMA image, …" — no path: the image itself. */
    static Evidence formatEvidence(UpdateImageFormat f) {
        String sum = f.integrity().split("[ ;,]", 2)[0];
        return new Evidence(null, 0L, null, "update image format carries only a checksum (" + sum + "), no signature: "
                + f.description(), null, null, null, null, null, null, null);
    }
}
