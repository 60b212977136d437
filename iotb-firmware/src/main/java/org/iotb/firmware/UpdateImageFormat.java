package org.iotb.firmware;

/**
 * The vendor container the image given to iotb is wrapped in, when that container protects the image with a
 * checksum only (SEAMA's MD5, TRX's CRC32, a legacy uImage's CRC32s, TP-Link's salted MD5): the unpacker found it at
 * offset 0 of the image itself, not nested in another blob. {@code fw.update.unsigned} reads it.
 *
 * @param format     the unpacker's format id ({@code seama}, {@code trx}, {@code uimage}, {@code tplink})
 * @param description the unpacker's description of the container
 * @param integrity  what the container carries, e.g. "MD5 digest of the image only; no signature"
 */
public record UpdateImageFormat(String format, String description, String integrity) {
}
