package dev.jobs.sample;

/**
 * The result of a welcome email job.
 *
 * @param to the address the email went to
 * @param attempt the attempt that sent it
 */
public record EmailReceipt(String to, int attempt) {

}
