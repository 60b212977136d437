package org.iotb.sbom.vuln;

/**
 * FIRST's Exploit Prediction Scoring System score of a CVE (https://www.first.org/epss/): the probability of
 * exploitation activity in the next 30 days ({@code score}, 0..1), its percentile among all scored CVEs, and the date
 * of the scores ({@code date}, ISO).
 */
public record EpssScore(String cve, double score, double percentile, String date) {
}
