package org.iotb.unpack.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iotb.unpack.spi.ByteSource;
import org.iotb.unpack.spi.ExtractionSink;
import org.iotb.unpack.spi.FormatHandler;
import org.iotb.unpack.spi.Magic;
import org.iotb.unpack.spi.Match;

/** A plain device tree blob: extracted as its source form (system.dts) so later checks can read it. */
public final class DtbHandler implements FormatHandler {

    @Override
    public String id() {
        return "dtb";
    }

    @Override
    public List<Magic> magics() {
        return List.of(Magic.of(0, 0xd0, 0x0d, 0xfe, 0xed));
    }

    @Override
    public Optional<Match> identify(ByteSource s, long off) throws IOException {
        Fdt t = Fdt.parse(s, off);
        if (t == null || FitHandler.isFit(t)) {
            return Optional.empty();
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", t.version);
        String model = t.root.string("model");
        if (model != null) {
            info.put("model", model);
        }
        String compatible = t.root.string("compatible");
        if (compatible != null) {
            info.put("compatible", compatible);
        }
        return Streams.match(id(), off, t.totalSize, "device tree blob" + (model == null ? "" : " \"" + model + "\""), info);
    }

    @Override
    public void extract(ByteSource s, Match m, ExtractionSink sink) throws IOException {
        Fdt t = Fdt.parse(s, m.offset());
        if (t == null) {
            sink.warn("device tree no longer parses");
            return;
        }
        sink.file("system.dts", 0644, 0, new ByteArrayInputStream(t.toDts().getBytes(StandardCharsets.UTF_8)));
    }
}
