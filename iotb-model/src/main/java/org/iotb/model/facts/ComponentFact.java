package org.iotb.model.facts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A software component identified in the image (the SBOM's view, without evidence).
 *
 * @param id      the component catalogue key (openssl, busybox, linux-kernel …) or pkg:NAME
 * @param name    display name
 * @param version upstream version, null when unknown
 * @param purl    package URL, null when unknown
 * @param cpe     CPE 2.3 string, null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComponentFact(String id, String name, String version, String purl, String cpe) {
}
