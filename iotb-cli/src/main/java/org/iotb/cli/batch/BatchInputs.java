package org.iotb.cli.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.iotb.cli.UserInputException;

/**
 * The images a batch names: a directory stands for every regular file under it (sorted, hidden files and folders
 * skipped), a file for a list of image paths, one per line ({@code #} starts a comment; a relative path is
 * relative to the list's folder). Each image keeps the path as given, which is how summary.json names it.
 */
final class BatchInputs {
    private BatchInputs() {
    }

    /** An image: the path as given (how the summary names it) and the file to read. */
    record Image(String given, Path file) {
    }

    static List<Image> resolve(List<Path> inputs) throws IOException {
        return resolve(inputs, List.of());
    }

    /** As above; in a directory only the files whose name matches one of {@code includes} (globs; empty: every file). */
    static List<Image> resolve(List<Path> inputs, List<String> includes) throws IOException {
        List<java.nio.file.PathMatcher> matchers = includes.stream()
                .map(g -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        List<Image> images = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(p -> !hidden(input.relativize(p)))
                            .filter(p -> matchers.isEmpty() || matchers.stream().anyMatch(m -> m.matches(p.getFileName())))
                            .sorted().forEach(p -> images.add(new Image(p.toString(), p)));
                }
            } else if (Files.isRegularFile(input)) {
                Path base = input.toAbsolutePath().getParent();
                for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    Path p = Path.of(l);
                    Path file = p.isAbsolute() ? p : base.resolve(p);
                    if (!Files.isRegularFile(file)) {
                        throw new UserInputException(input + ": no such image: " + l);
                    }
                    images.add(new Image(l, file));
                }
            } else {
                throw new UserInputException("no such list or directory: " + input);
            }
        }
        if (images.isEmpty()) {
            throw new UserInputException("no images: the lists and directories given name none");
        }
        return images;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
