package org.iotb.unpack.hostile;

import java.nio.file.Path;
import org.iotb.unpack.UnpackOptions;
import org.iotb.unpack.Unpacker;

/** {@code UnpackMain IMAGE OUT}: the engine alone, for tests that need a JVM started in another locale. */
public final class UnpackMain {
    private UnpackMain() {
    }

    public static void main(String[] args) throws Exception {
        new Unpacker().unpack(Path.of(args[0]), Path.of(args[1]), UnpackOptions.builder().build());
    }
}
