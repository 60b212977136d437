package org.iotb.catalog;

/** A catalog, profile or declarations file that cannot be used; the message names the file, key and line. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
