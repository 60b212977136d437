package org.iotb.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.iotb.assess.InputKind;
import org.iotb.assess.InputRecord;
import org.iotb.catalog.declarations.Declaration;
import org.iotb.catalog.declarations.Declarations;
import org.iotb.model.Sha256;
import org.iotb.model.io.InputFiles;

/**
 * The files declarations cite as evidence. An {@code evidence:} entry names a file when it is neither a URL
 * ({@code https://…}, {@code mailto:…}) nor prose (it has no blank) and looks like a path (it has a {@code /} or a
 * file extension): {@code docs/provisioning.md}, {@code test-report.pdf}. It is resolved relative to the
 * declarations file. Every cited file must exist (else the input is refused, exit 2: a declaration must not rest
 * on a document that is not there) and is hashed into the assessment's inputs as {@code declaration-evidence}.
 */
public final class DeclarationEvidence {
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    private static final Pattern EXTENSION = Pattern.compile(".*\\.[A-Za-z0-9]{1,8}$");

    private DeclarationEvidence() {
    }

    /** Whether an evidence entry names a file (see the class comment). */
    public static boolean namesFile(String entry) {
        if (entry == null || entry.isBlank()) {
            return false;
        }
        String e = entry.strip();
        if (e.chars().anyMatch(Character::isWhitespace) || URL.matcher(e).matches() && !e.matches("^[A-Za-z]:[\\\\/].*")) {
            return false;
        }
        return e.contains("/") || e.contains("\\") || EXTENSION.matcher(e).matches();
    }

    /**
     * @return one record per distinct cited file, sorted by the name the declarations give it
     * @throws PipelineInputException naming every cited file that does not exist or is not a regular file
     */
    public static List<InputRecord> records(Declarations declarations, Path declarationsFile) throws IOException {
        Path base = declarationsFile.toAbsolutePath().getParent();
        Map<String, Path> cited = new TreeMap<>(); // declarations have no order of their own: by name
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Map<String, Declaration>> standard : declarations.byStandard().entrySet()) {
            for (Map.Entry<String, Declaration> d : standard.getValue().entrySet()) {
                for (String entry : d.getValue().evidence()) {
                    if (!namesFile(entry) || cited.containsKey(entry.strip())) {
                        continue;
                    }
                    Path file = base.resolve(entry.strip()).normalize();
                    if (!Files.isRegularFile(file)) {
                        missing.add(standard.getKey() + " " + d.getKey() + " cites " + entry.strip() + " ("
                                + (Files.exists(file) ? "not a regular file: " : "no such file: ") + file + ")");
                        cited.put(entry.strip(), null);
                        continue;
                    }
                    cited.put(entry.strip(), file);
                }
            }
        }
        missing.sort(null);
        if (!missing.isEmpty()) {
            throw new PipelineInputException("declarations " + declarationsFile + ": evidence files a declaration cites"
                    + " must exist (paths are relative to the declarations file): " + String.join("; ", missing));
        }
        List<InputRecord> out = new ArrayList<>();
        for (Map.Entry<String, Path> c : cited.entrySet()) {
            InputFiles.requireFile(c.getValue(), "declaration evidence");
            out.add(InputRecord.file(InputKind.DECLARATION_EVIDENCE, c.getKey(), c.getValue().toString(),
                    Sha256.of(c.getValue()), Files.size(c.getValue())));
        }
        return out;
    }
}
