package org.iotb.probe.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Runs Debian's sslscan against a loopback port and reads accepted protocols and ciphers from its XML. */
final class SslscanXml {
    final Set<String> protocols = new TreeSet<>();
    final Map<String, Set<String>> ciphers = new TreeMap<>();

    static SslscanXml run(String sslscan, int port) throws Exception {
        Process p = new ProcessBuilder(sslscan, "--no-colour", "--no-heartbleed", "--no-compression",
                "--no-fallback", "--no-renegotiation", "--no-groups", "--xml=-", "127.0.0.1:" + port)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        String xml = new String(out, StandardCharsets.UTF_8);
        xml = xml.substring(xml.indexOf("<?xml"));
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        SslscanXml r = new SslscanXml();
        NodeList protos = doc.getElementsByTagName("protocol");
        for (int i = 0; i < protos.getLength(); i++) {
            Element e = (Element) protos.item(i);
            if ("1".equals(e.getAttribute("enabled"))) {
                String label = e.getAttribute("type").equals("ssl") ? "SSLv" + e.getAttribute("version")
                        : "TLSv" + e.getAttribute("version");
                if (!label.equals("SSLv2")) {
                    r.protocols.add(label);
                }
            }
        }
        NodeList cs = doc.getElementsByTagName("cipher");
        for (int i = 0; i < cs.getLength(); i++) {
            Element e = (Element) cs.item(i);
            if (e.getAttribute("status").equals("accepted") || e.getAttribute("status").equals("preferred")) {
                r.ciphers.computeIfAbsent(e.getAttribute("sslversion"), k -> new TreeSet<>())
                        .add(e.getAttribute("cipher"));
            }
        }
        return r;
    }
}
