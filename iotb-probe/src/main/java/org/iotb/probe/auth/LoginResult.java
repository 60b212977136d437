package org.iotb.probe.auth;

/**
 * The outcome of one login attempt.
 *
 * @param verdict  SUCCESS, FAILURE (the service said no), REFUSED (connection refused/closed, 429/503, lockout
 *                 message: the service is defending itself) or UNKNOWN (could not tell)
 * @param millis   time from sending the credentials to the answer
 * @param reply    printable excerpt of the answer
 */
public record LoginResult(Verdict verdict, long millis, String reply) {
    public enum Verdict { SUCCESS, FAILURE, REFUSED, UNKNOWN }
}
