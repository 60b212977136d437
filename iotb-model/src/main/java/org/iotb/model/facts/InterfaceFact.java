package org.iotb.model.facts;

/**
 * A radio or network interface the product has, shown by the firmware (a protocol stack in the image).
 *
 * @param kind  the profile's interface vocabulary: ble, zigbee …
 * @param proof the file that shows it, relative to the tree root
 */
public record InterfaceFact(String kind, String proof) {
    public InterfaceFact withProofPrefix(String prefix) {
        return proof == null ? this : new InterfaceFact(kind, prefix + "/" + proof);
    }
}
