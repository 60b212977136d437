package org.iotb.firmware;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.iotb.firmware.checks.ElfHardeningCheck;
import org.iotb.firmware.checks.cred.DefaultPasswordCheck;
import org.iotb.firmware.checks.cred.EmptyPasswordCheck;
import org.iotb.firmware.checks.cred.HardcodedSecretCheck;
import org.iotb.firmware.checks.cred.WeakHashCheck;
import org.iotb.firmware.checks.keys.PrivateKeyCheck;
import org.iotb.firmware.checks.keys.SshHostKeyCheck;
import org.iotb.firmware.checks.keys.WeakCertCheck;
import org.iotb.firmware.checks.misc.DebugToolsCheck;
import org.iotb.firmware.checks.misc.SourceCodeCheck;
import org.iotb.firmware.checks.misc.UpdateMechanismCheck;
import org.iotb.firmware.checks.misc.UpdateUnsignedCheck;
import org.iotb.firmware.checks.misc.VcsMetadataCheck;
import org.iotb.firmware.checks.misc.WifiPassphraseCheck;
import org.iotb.firmware.checks.os.AslrCheck;
import org.iotb.firmware.checks.os.BootDelayCheck;
import org.iotb.firmware.checks.os.ExternalExecCheck;
import org.iotb.firmware.checks.os.OsFactsCheck;
import org.iotb.firmware.checks.os.RootfsWritableCheck;
import org.iotb.firmware.checks.os.SerialShellCheck;
import org.iotb.firmware.checks.rules.PatternRuleCheck;
import org.iotb.firmware.checks.rules.PatternRules;
import org.iotb.firmware.checks.web.CommandInjectionCheck;
import org.iotb.firmware.services.ServiceCheck;
import org.iotb.firmware.services.ServiceInventoryCheck;

/**
 * The registry of firmware check implementations: the checks written as classes, listed here, and one
 * {@link PatternRuleCheck} per check described in data/pattern-rules.yaml (a check defined there needs no line
 * here). Their descriptors: {@link FirmwareCheckCatalog}.
 */
public final class FirmwareChecks {
    private FirmwareChecks() {
    }

    /** Every firmware check, the pattern-rule ones from the bundled rules file. */
    public static List<FirmwareCheck> all() {
        return all(PatternRules.bundled());
    }

    /** Every firmware check, the pattern-rule ones from {@code patternRules}. */
    public static List<FirmwareCheck> all(PatternRules patternRules) {
        List<FirmwareCheck> list = new ArrayList<>();
        list.add(new EmptyPasswordCheck());
        list.add(new DefaultPasswordCheck());
        list.add(new WeakHashCheck());
        list.add(new HardcodedSecretCheck());
        list.add(new PrivateKeyCheck());
        list.add(new SshHostKeyCheck());
        list.add(new WeakCertCheck());
        list.addAll(ElfHardeningCheck.all());
        list.add(new AslrCheck());
        list.add(new SerialShellCheck());
        list.add(new BootDelayCheck());
        list.add(new RootfsWritableCheck());
        list.add(new ExternalExecCheck());
        list.add(new OsFactsCheck());
        list.add(new ServiceInventoryCheck());
        list.addAll(ServiceCheck.all());
        list.addAll(PatternRuleCheck.all(patternRules));
        list.add(new WifiPassphraseCheck());
        list.add(new UpdateUnsignedCheck());
        list.add(new UpdateMechanismCheck());
        list.add(new VcsMetadataCheck());
        list.add(new SourceCodeCheck());
        list.add(new DebugToolsCheck());
        list.add(new CommandInjectionCheck());
        return list;
    }

    /** All checks, or only those whose id is in {@code ids} (a trailing '*' selects a prefix). */
    public static List<FirmwareCheck> selected(Set<String> ids) {
        List<FirmwareCheck> all = all();
        if (ids == null || ids.isEmpty()) {
            return all;
        }
        List<FirmwareCheck> out = new ArrayList<>();
        for (FirmwareCheck c : all) {
            for (String id : ids) {
                if (id.equals(c.id()) || id.endsWith("*") && c.id().startsWith(id.substring(0, id.length() - 1))) {
                    out.add(c);
                    break;
                }
            }
        }
        return out;
    }
}
