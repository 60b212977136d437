package org.iotb.report.html;

import static org.iotb.report.Xml.esc;

import java.util.List;
import org.iotb.assess.Assessment;
import org.iotb.assess.Basis;
import org.iotb.report.BasisText;

/**
 * Filters for the requirement tables: verdict, basis, status, severity and a search box. A few lines of inline
 * script, no library and no URL: the page stays one self-contained file that works offline. The form is hidden
 * until the script shows it, so without script the page reads as before (every requirement listed, nothing that
 * does not work on screen).
 */
final class Filters {
    private Filters() {
    }

    static void form(StringBuilder b, Assessment a) {
        b.append("<form class=\"filters\" id=\"filters\" hidden=\"hidden\" role=\"search\" aria-label=\"Filter the requirements\">");
        select(b, "verdict", "Verdict", Labels.ORDER.stream().map(v -> new String[] {v.id(), Labels.label(v)}).toList());
        select(b, "basis", "Rests on", List.of(
                opt(Basis.VERIFIED), opt(Basis.DECLARED_CONSISTENT), opt(Basis.DECLARED), opt(Basis.INFERRED),
                new String[] {"conflict", "conflict with evidence"}));
        select(b, "status", "Status", List.of(new String[] {"mandatory", "mandatory"}, new String[] {"recommended", "recommended"}));
        select(b, "severity", "Severity", List.of(new String[] {"critical", "critical"}, new String[] {"high", "high"},
                new String[] {"medium", "medium"}, new String[] {"low", "low"}));
        b.append("<label>Search <input type=\"search\" id=\"f-search\" name=\"q\" placeholder=\"id, title, file, check\"/></label>")
                .append("<output id=\"f-count\" aria-live=\"polite\"></output></form>\n");
        b.append("<script>//<![CDATA[\n").append(SCRIPT).append("\n//]]></script>\n");
    }

    private static String[] opt(Basis basis) {
        return new String[] {BasisText.cssId(basis), BasisText.label(basis)};
    }

    private static void select(StringBuilder b, String name, String label, List<String[]> options) {
        b.append("<label>").append(esc(label)).append(" <select name=\"").append(name).append("\"><option value=\"\">any</option>");
        for (String[] o : options) {
            b.append("<option value=\"").append(esc(o[0])).append("\">").append(esc(o[1])).append("</option>");
        }
        b.append("</select></label> ");
    }

    /** Shows the rows whose data attributes match every chosen value and whose text holds the search words. */
    private static final String SCRIPT = """
            document.addEventListener('DOMContentLoaded', function () {
              // runs once the whole page is read: the form comes before the tables it filters
              var form = document.getElementById('filters');
              if (!form) { return; }
              form.hidden = false;
              var rows = Array.prototype.slice.call(document.querySelectorAll('tr.req'));
              var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
              var search = document.getElementById('f-search');
              var count = document.getElementById('f-count');
              function matches(row) {
                for (var i = 0; i < selects.length; i++) {
                  var want = selects[i].value;
                  var have = ' ' + (row.getAttribute('data-' + selects[i].name) || '') + ' ';
                  if (want && have.indexOf(' ' + want + ' ') < 0) { return false; }
                }
                var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
                var text = row.textContent.toLowerCase();
                return words.every(function (w) { return text.indexOf(w) >= 0; });
              }
              function apply() {
                var shown = 0;
                rows.forEach(function (r) { var ok = matches(r); r.hidden = !ok; if (ok) { shown++; } });
                // a clause heading stays only while one of its requirements is shown
                Array.prototype.forEach.call(document.querySelectorAll('tr.clause-row'), function (c) {
                  var n = c.nextElementSibling, any = false;
                  while (n && !n.classList.contains('clause-row')) { if (!n.hidden) { any = true; } n = n.nextElementSibling; }
                  c.hidden = !any;
                });
                count.textContent = shown + ' of ' + rows.length + ' requirements shown';
              }
              form.addEventListener('input', apply);
              form.addEventListener('change', apply);
              form.addEventListener('submit', function (e) { e.preventDefault(); });
              apply();
            });""";
}
