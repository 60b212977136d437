package org.iotb.probe.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learns which authentication methods an SSH server allows: jsch does the key exchange, tries "none" (and, for
 * {@link #tryPassword}, one password), and the server's failure reply names the methods that can continue. Also used for
 * real login attempts (default credentials) with legacy algorithms enabled, since devices often need them.
 */
public final class AuthMethodsProbe {
    private static final Pattern METHODS = Pattern.compile("for methods '([^']*)'");

    private AuthMethodsProbe() {
    }

    public record Attempt(boolean loggedIn, List<String> methods, String message) {
    }

    public static Attempt tryPassword(String host, int port, String user, String password, int timeoutMillis) {
        return connect(host, port, user, password, "password,keyboard-interactive", timeoutMillis);
    }

    /**
     * The methods the server offers this user, without guessing anything: jsch sends the "none" request, the
     * server answers with its method list, and the only method we prefer (publickey, with no key loaded) has
     * nothing to send. Empty when the server did not say.
     */
    public static Attempt methods(String host, int port, String user, int timeoutMillis) {
        return connect(host, port, user, null, "publickey", timeoutMillis);
    }

    /** True when the offered methods include one that takes a guessable secret (password, keyboard-interactive). */
    public static boolean allowsPasswords(List<String> methods) {
        return methods.contains("password") || methods.contains("keyboard-interactive");
    }

    private static Attempt connect(String host, int port, String user, String password, String preferred,
                                   int timeoutMillis) {
        JSch jsch = new JSch();
        Session s = null;
        try {
            s = jsch.getSession(user, host, port);
            if (password != null) {
                s.setPassword(password);
            }
            Properties cfg = new Properties();
            cfg.put("StrictHostKeyChecking", "no");
            cfg.put("PreferredAuthentications", preferred);
            // accept what old device servers offer: we assess them, we do not protect a session
            cfg.put("kex", JSch.getConfig("kex") + ",diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1,"
                    + "diffie-hellman-group1-sha1");
            cfg.put("server_host_key", JSch.getConfig("server_host_key") + ",ssh-rsa,ssh-dss");
            cfg.put("cipher.s2c", JSch.getConfig("cipher.s2c") + ",aes128-cbc,3des-cbc,aes256-cbc");
            cfg.put("cipher.c2s", JSch.getConfig("cipher.c2s") + ",aes128-cbc,3des-cbc,aes256-cbc");
            cfg.put("mac.s2c", JSch.getConfig("mac.s2c") + ",hmac-sha1,hmac-md5");
            cfg.put("mac.c2s", JSch.getConfig("mac.c2s") + ",hmac-sha1,hmac-md5");
            cfg.put("MaxAuthTries", "1");
            s.setConfig(cfg);
            s.setTimeout(timeoutMillis);
            s.connect(timeoutMillis);
            return new Attempt(true, List.of(), "authenticated");
        } catch (JSchException e) {
            String msg = String.valueOf(e.getMessage());
            Matcher m = METHODS.matcher(msg);
            List<String> methods = new ArrayList<>();
            if (m.find()) {
                for (String x : m.group(1).split(",")) {
                    if (!x.isBlank()) {
                        methods.add(x.trim());
                    }
                }
            }
            return new Attempt(false, methods, msg);
        } finally {
            if (s != null) {
                s.disconnect();
            }
        }
    }
}
