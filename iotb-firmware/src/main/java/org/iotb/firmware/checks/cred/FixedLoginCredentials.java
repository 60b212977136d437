package org.iotb.firmware.checks.cred;

import java.util.ArrayList;
import java.util.List;
import org.iotb.firmware.ScanContext;
import org.iotb.firmware.checks.Results;
import org.iotb.firmware.services.FixedLogin;
import org.iotb.model.Evidence;

/**
 * fw.cred.hardcoded evidence from the boot model: a login fixed by a boot command is a hard-coded credential, even
 * when the password is not written in the command but read from a file of the image (the Alphanetworks SDK's
 * {@code telnetd -l /usr/sbin/login -u Alphanetworks:$image_sign} with {@code image_sign=`cat /etc/config/image_sign`}:
 * every unit of a firmware build shares that file). The password is masked and fingerprinted, never shown.
 */
public final class FixedLoginCredentials {
    private FixedLoginCredentials() {
    }

    public static List<Evidence> evidence(ScanContext ctx) {
        List<Evidence> out = new ArrayList<>();
        for (FixedLogin f : ctx.services().fixedLogins()) {
            String from = f.passwordFile() == null ? "written in the command"
                    : "read from " + f.passwordFile() + " in the image";
            out.add(Evidence.line(f.source(), f.line(), "fixed login of " + f.program() + " at boot: user '"
                    + f.user() + "', password " + Results.mask(f.password()) + " " + from + ": "
                    + Results.excerpt(f.command()))
                    .withFingerprint(Results.sha256(f.user() + ":" + f.password())));
        }
        return out;
    }
}
