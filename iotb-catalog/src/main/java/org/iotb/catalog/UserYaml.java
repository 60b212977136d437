package org.iotb.catalog;

import java.io.Reader;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML file a user wrote (profile, declarations, IXIT) as a node tree, so that loaders can name lines in their
 * errors. One place for the parser's guard rails: duplicate keys are an error (the second would silently win), and
 * aliases are capped (a "billion laughs" file must not exhaust memory).
 */
public final class UserYaml {
    private UserYaml() {
    }

    /** The document's root node, or null for an empty document; invalid YAML is a {@link CatalogException}. */
    public static Node compose(Reader reader, String sourceName) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            return new Yaml(options).compose(reader);
        } catch (YAMLException e) {
            throw new CatalogException(sourceName + ": not valid YAML: " + e.getMessage());
        }
    }

    public static Node compose(String yaml, String sourceName) {
        return compose(new StringReader(yaml), sourceName);
    }
}
