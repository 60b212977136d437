package org.iotb.firmware.checks.web;

import org.iotb.firmware.testing.TreeFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.iotb.firmware.FirmwareScanOptions;
import org.iotb.firmware.FirmwareScanner;
import org.iotb.model.Finding;
import org.iotb.model.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One faithful fixture per sink rule of data/command-injection-rules.yaml (the handler shapes seen in vendor CGI
 * scripts, PHP admin pages and LuCI controllers), each with its safe twin that must stay quiet.
 */
class CommandInjectionRulesTest {
    @TempDir
    Path root;

    private void write(String path, String text) throws Exception {
        TreeFiles.write(root, path, text);
    }

    private Finding scan() throws Exception {
        return new FirmwareScanner().scan(root, FirmwareScanOptions.defaults()
                .withChecks(Set.of(CommandInjectionCheck.ID))).get(0);
    }

    private static Set<String> rules(Finding f) {
        return f.evidence().stream().map(e -> e.excerpt().substring(0, e.excerpt().indexOf(':')))
                .collect(Collectors.toSet());
    }

    private static List<String> places(Finding f) {
        return f.evidence().stream().map(e -> e.path() + ":" + e.line()).toList();
    }

    @Test
    void everySinkRuleOfTheDataFileHasAFixtureHere() {
        // keeps this class complete: a new sink rule in the data needs its fixture below
        Set<String> ruleNames = CommandInjectionRules.bundled().languages().stream()
                .flatMap(l -> l.sinks().stream()).map(CommandInjectionRules.Sink::rule).collect(Collectors.toSet());
        assertThat(ruleNames).containsExactlyInAnyOrder("shell-eval", "shell-dash-c", "shell-request-as-command",
                "php-exec-function", "php-backticks", "lua-os-execute", "lua-io-popen", "lua-luci-exec");
    }

    @Test
    void shellEvalOfAPingCommandBuiltFromTheQueryString() throws Exception {
        // the classic router "diagnostics" CGI: a parameter cut out of QUERY_STRING with sed, then eval'd
        write("www/cgi-bin/diag.cgi", """
                #!/bin/sh
                echo "Content-Type: text/plain"
                echo
                HOST=$(echo "$QUERY_STRING" | sed -n 's/^.*host=\\([^&]*\\).*$/\\1/p')
                eval "ping -c 1 $HOST"
                """);
        Finding f = scan();
        assertThat(f.outcome()).as(f.message()).isEqualTo(Outcome.FAIL);
        assertThat(places(f)).containsExactly("www/cgi-bin/diag.cgi:5");
        assertThat(rules(f)).containsExactly("shell-eval");
        assertThat(f.evidence().get(0).excerpt()).contains("request input: HOST");
        // the same page once the value is cut down to host-name characters and not eval'd: quiet
        write("www/cgi-bin/diag.cgi", """
                #!/bin/sh
                HOST=$(echo "$QUERY_STRING" | sed -n 's/^.*host=\\([^&]*\\).*$/\\1/p' | tr -cd 'a-zA-Z0-9.-')
                eval "ping -c 1 $HOST"
                ping -c 1 "$HOST"
                """);
        f = scan();
        assertThat(f.outcome()).as(f.message() + f.evidence()).isEqualTo(Outcome.PASS);
        assertThat(f.message()).isEqualTo("no request input reaches a shell in 1 web handler(s) (shell ×1)");
    }

    @Test
    void shellEvalThatParsesTheWholeQueryStringIntoVariables() throws Exception {
        // eval $(echo "$QUERY_STRING" | sed 's/&/;/g'): "a=1;reboot" runs reboot; seen in busybox-httpd CGIs
        write("www/cgi-bin/set.sh", "#!/bin/sh\neval $(echo \"$QUERY_STRING\" | sed 's/&/;/g')\nuci set x=$a\n");
        Finding f = scan();
        assertThat(places(f)).containsExactly("www/cgi-bin/set.sh:2");
        assertThat(f.evidence().get(0).excerpt()).contains("request input: $QUERY_STRING");
    }

    @Test
    void shellDashCOnAPostedValueReadFromStdin() throws Exception {
        // a POST handler: the body comes on stdin, split in a for loop, then run through sh -c
        write("www/cgi-bin/ntp.cgi", """
                #!/bin/sh
                read -n $CONTENT_LENGTH BODY
                for kv in $(echo "$BODY" | tr '&' ' '); do
                  case "$kv" in server=*) SERVER="${kv#server=}" ;; esac
                done
                sh -c "ntpd -q -p $SERVER"
                sh -c 'ntpd -q -p pool.ntp.org'
                """);
        Finding f = scan();
        assertThat(places(f)).containsExactly("www/cgi-bin/ntp.cgi:6");
        assertThat(rules(f)).containsExactly("shell-dash-c");
    }

    @Test
    void shellRunsARequestValueAsTheCommand() throws Exception {
        // haserl page (FORM_ variables are the form's fields) that runs what it was sent
        write("www/cgi-bin/tools.cgi", "#!/usr/bin/haserl\n<% CMD=$FORM_cmd %>\n<pre><% $CMD 2>&1 %></pre>\n"
                + "<% OUT=`$FORM_tool --version` %>\n<% echo \"$FORM_cmd\" %>\n");
        Finding f = scan();
        assertThat(places(f)).containsExactly("www/cgi-bin/tools.cgi:3", "www/cgi-bin/tools.cgi:4");
        assertThat(rules(f)).containsExactly("shell-request-as-command");
    }

    @Test
    void phpExecFunctionsOnRequestParametersWithoutEscapeshellarg() throws Exception {
        write("www/admin/ping.php", """
                <?php
                $ip = $_POST['ip'];
                $count = intval($_GET['count']);
                // system("ping " . $ip);  (a comment is not behaviour)
                $out = shell_exec("ping -c " . $count . " " . $ip);
                system('ping -c 1 ' . escapeshellarg($_REQUEST['host']));
                passthru("traceroute " . escapeshellarg($ip));
                exec("/usr/sbin/led " . $count);
                $db->exec("DELETE FROM log WHERE ip='" . $ip . "'");
                ?>
                """);
        Finding f = scan();
        assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(places(f)).containsExactly("www/admin/ping.php:5");
        assertThat(rules(f)).containsExactly("php-exec-function");
        assertThat(f.evidence().get(0).excerpt()).contains("request input: ip");
    }

    @Test
    void phpBackticksAreAShell() throws Exception {
        write("htdocs/status.php", "<?php\n$iface = $_GET['if'];\necho `ifconfig $iface`;\necho `uptime`;\n?>\n");
        Finding f = scan();
        assertThat(places(f)).containsExactly("htdocs/status.php:3");
        assertThat(rules(f)).containsExactly("php-backticks");
    }

    @Test
    void luaIoPopenOnAFormValueIsIoTGoatsWebcmd() throws Exception {
        // OWASP IoTGoat's luci controller (usr/lib/lua/luci/controller/iotgoat/iotgoat.lua), as shipped
        write("usr/lib/lua/luci/controller/iotgoat/iotgoat.lua", """
                module("luci.controller.iotgoat.iotgoat", package.seeall)
                local http = require("luci.http")
                function webcmd()
                    local cmd = http.formvalue("cmd")
                    if cmd then
                        local fp = io.popen(tostring(cmd).." 2>&1")
                        local result =  fp:read("*a")
                        fp:close()
                        http.write(tostring(result))
                    end
                end
                """);
        Finding f = scan();
        assertThat(places(f)).containsExactly("usr/lib/lua/luci/controller/iotgoat/iotgoat.lua:6");
        assertThat(rules(f)).containsExactly("lua-io-popen");
    }

    @Test
    void luaShellquotedFormValuesAndFunctionParametersStayQuiet() throws Exception {
        // LuCI's own patterns (luci-mod-admin-full controller/admin/network.lua, luci-app-named-data):
        // the address is whitelisted and shell-quoted; the command template is a constant argument
        write("usr/lib/lua/luci/controller/admin/network.lua", """
                function diag_command(cmd, addr)
                	if addr and addr:match("^[a-zA-Z0-9%-%.:_]+$") then
                		local util = io.popen(cmd % luci.util.shellquote(addr))
                		util:close()
                	end
                end
                function diag_ping(addr)
                	diag_command("ping -c 5 -W 1 %s 2>&1", addr)
                end
                function create_face()
                  local addr = luci.http.formvalue("addr")
                  local util = io.popen("/etc/init.d/nfd connect %s" % luci.util.shellquote(addr))
                  luci.sys.call("env -i /sbin/ifdown %s >/dev/null 2>/dev/null" % luci.util.shellquote(addr))
                  local n = tonumber(luci.http.formvalue("count"))
                  os.execute("sleep " .. n)
                  os.execute("logger 'addr'")
                end
                """);
        Finding f = scan();
        assertThat(f.outcome()).as(f.message() + f.evidence()).isEqualTo(Outcome.PASS);
    }

    @Test
    void luaOsExecuteAndLuciSysCallOnRequestInput() throws Exception {
        write("usr/lib/lua/luci/controller/vendor/upgrade.lua", """
                function action_flash()
                  local url = luci.http.formvalue("url")
                  local target = "/tmp/" .. url:match("[^/]+$")
                  os.execute("wget -O " .. target .. " " .. url)
                  luci.sys.call("sysupgrade " .. target)
                end
                """);
        Finding f = scan();
        assertThat(places(f)).containsExactly("usr/lib/lua/luci/controller/vendor/upgrade.lua:4",
                "usr/lib/lua/luci/controller/vendor/upgrade.lua:5");
        assertThat(rules(f)).containsExactlyInAnyOrder("lua-os-execute", "lua-luci-exec");
    }

    @Test
    void documentationAndNonHandlersAreNeverJudged() throws Exception {
        // the same dangerous line in documentation, a man page, an init script and a Lua library outside a web root
        String line = "#!/bin/sh\nHOST=$QUERY_STRING\neval \"ping -c 1 $HOST\"\n";
        write("usr/share/doc/busybox/examples/cgi.sh", line);
        write("www/docs/cgi-howto.txt", line);
        write("www/help/diag.html", "<pre>eval \"ping -c 1 $QUERY_STRING\"</pre>\n");
        write("etc/init.d/diag", line);
        write("usr/lib/lua/vendor/tool.lua", "local h = os.getenv(\"QUERY_STRING\")\nos.execute(\"ping \" .. h)\n");
        Finding f = scan();
        assertThat(f.outcome()).as(f.message() + f.evidence()).isEqualTo(Outcome.NOT_RUN);
        assertThat(f.message()).isEqualTo("no CGI, PHP or Lua web handler in the tree");
        // a python CGI is a handler we do not judge (its language has no rules): not guessed from its name
        write("www/cgi-bin/stats.cgi", "#!/usr/bin/python3\nimport os\nos.system('ping ' + os.environ['QUERY_STRING'])\n");
        assertThat(scan().outcome()).isEqualTo(Outcome.NOT_RUN);
    }
}
