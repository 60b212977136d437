package org.iotb.store.workspace;

/**
 * A product as the product list shows it: its newest firmware version (null: none uploaded) and that version's
 * newest assessment (null: none yet), whose {@code failedMandatory} is the standing per standard.
 */
public record ProductStanding(Product product, FirmwareVersion latestVersion, AssessmentRun latestAssessment) {
}
