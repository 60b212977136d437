package org.iotb.firmware.checks.os;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.iotb.firmware.FirmwareCheck;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.model.Evidence;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.iotb.model.Severity;

/**
 * fw.os.external-exec: boot scripts that execute, source or load modules from removable or network storage
 * (SD card, USB stick, NFS/SMB mounts), letting whoever inserts a card run code as root.
 */
public final class ExternalExecCheck implements FirmwareCheck {
    private static final String EXTERNAL =
            "/(?:mnt|media|sdcard|sd|usb|udisk|mmc|tmp/(?:sd|usb|mmc|mnt)|var/(?:sd|usb)|nfs|smb)[a-zA-Z0-9_-]*(?:/[^\\s;&|'\"]*)?";
    private static final Pattern EXEC = Pattern.compile(
            "(?:^|[;&|]\\s*|\\bthen\\s+|\\bdo\\s+|\\bexec\\s+|\\bnohup\\s+)(?:sh\\s+|ash\\s+|bash\\s+|\\.\\s+|source\\s+|insmod\\s+|/bin/sh\\s+)?"
                    + "[\"']?(" + EXTERNAL + ")");

    @Override
    public String id() {
        return "fw.os.external-exec";
    }

    @Override
    public List<Finding> run(ScanContext ctx) {
        var services = ctx.services();
        if (services.sources().isEmpty()) {
            return List.of(Finding.notRun(id(), "no boot configuration found"));
        }
        List<Evidence> hits = new ArrayList<>();
        for (var l : services.bootLines()) {
            String t = l.text();
            if (t.matches("^\\s*(?:mount|umount|mkdir|echo|\\[|test|if \\[|cd|rm|ln|cp|mv|chmod|touch|logger)\\b.*")
                    && !t.matches(".*[;&|]\\s*" + EXTERNAL + ".*")) {
                continue;
            }
            var m = EXEC.matcher(t);
            if (m.find()) {
                hits.add(Evidence.line(l.source(), l.line(), "runs code from removable/network storage: "
                        + Results.excerpt(t)));
            }
        }
        return Results.failOrPass(id(), Outcome.FAIL, Severity.HIGH,
                hits.size() + " boot command(s) run programs from external storage", hits,
                "no boot command runs code from /mnt, /media, SD, USB or network mounts; read "
                        + services.sources().size() + " boot file(s)", List.of());
    }
}
