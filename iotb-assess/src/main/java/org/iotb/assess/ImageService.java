package org.iotb.assess;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A service the image starts at boot: its name, the file that starts it and the line there. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageService(String name, String source, Integer line) {
}
