package org.iotb.server.pages;

import java.util.List;
import org.iotb.catalog.Catalog;
import org.iotb.catalog.Standard;

/** The standards of the catalog the pages show a column or a line for, in the catalog's order. */
public record StandardNames(List<Entry> all) {

    /** One standard: its id (the key of a run's failed-mandatory counts) and its short title. */
    public record Entry(String id, String title) {
    }

    private static final StandardNames CATALOG = new StandardNames(Catalog.load().standards().stream()
            .map(s -> new Entry(s.id(), title(s))).toList());

    /** The bundled catalog's standards (loaded once: the catalog does not change while the server runs). */
    public static StandardNames catalog() {
        return CATALOG;
    }

    private static String title(Standard s) {
        return s.shortTitle() == null ? s.title() : s.shortTitle();
    }
}
