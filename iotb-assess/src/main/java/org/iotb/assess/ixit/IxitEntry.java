package org.iotb.assess.ixit;

/**
 * One entry of an IXIT table that the image already shows (a service, an interface, a component, an update path, an
 * account): what it is and where the evidence is ("etc/init.d/rcS line 10"), written as {@code prefilled: firmware}
 * for the supplier to confirm.
 */
public record IxitEntry(String description, String evidence) {
}
