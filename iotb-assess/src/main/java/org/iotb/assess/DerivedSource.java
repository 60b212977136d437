package org.iotb.assess;

/**
 * One requirement a derived verdict was derived from (schema 3.2, {@code verdicts[].derivedFrom[]}): the source's
 * standard and requirement id, and the verdict and basis it had in this assessment.
 */
public record DerivedSource(String standard, String requirement, VerdictValue verdict, Basis basis) {
    public String key() {
        return standard + ":" + requirement;
    }
}
