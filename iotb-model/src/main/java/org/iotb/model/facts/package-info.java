/**
 * Typed facts about a product, observed once per firmware image or device by the module that sees them and
 * carried beside the findings: what the system is ({@link org.iotb.model.facts.OsFact}), what it starts or
 * serves ({@link org.iotb.model.facts.ServiceFact}), who can log in ({@link org.iotb.model.facts.AccountFact}),
 * which radios it has ({@link org.iotb.model.facts.InterfaceFact}), what software it holds
 * ({@link org.iotb.model.facts.ComponentFact}) and how it is updated ({@link org.iotb.model.facts.UpdatePathFact}),
 * gathered in {@link org.iotb.model.facts.SystemFacts}. Findings judge; facts describe. Consumers (profile
 * inference, cross-checks, reports) read these types instead of the informational findings' data maps.
 */
package org.iotb.model.facts;
