/**
 * The beacon gate: answers requests that exist only to track (first-party collection endpoints such as
 * {@code /g/collect}, operator-configured collection paths, hyperlink-auditing pings) with {@code 204 No Content}
 * when the visitor's {@link io.consentgate.ConsentDecision} refuses what they feed, without calling the application
 * and without reading the request body.
 *
 * <p>{@link io.consentgate.beacon.BeaconGate} is built once per policy from the
 * {@link io.consentgate.catalog.TrackerCatalog} and {@link io.consentgate.beacon.BeaconSettings}; the filter calls it
 * after the decision and before response enforcement. Suggested front-door names for the settings (init-param /
 * builder), with their defaults: {@code beacon-paths} (comma-separated {@code PATH=CATEGORY}, none),
 * {@code beacon-generic-paths} ({@code false}), {@code beacon-case-insensitive} ({@code false}),
 * {@code beacon-pings} ({@code true}).
 *
 * <p><b>Container notes.</b> Tomcat sends {@code 100 Continue} before any filter runs unless the connector sets
 * {@code continueResponseTiming="onRead"}; and after the 204 it drains an unread body of up to
 * {@code maxSwallowSize} (2 MB) before closing the connection, holding the worker thread until the body arrives or
 * {@code connectionTimeout} passes. Jetty 12 sends no {@code 100} and closes at once.
 */
package io.consentgate.beacon;
