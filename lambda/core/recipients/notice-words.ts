// The words with which delivery notices say that a message failed, or that it is delayed and will be
// retried. Gathered from the MTAs' own notice templates: Postfix (bounce.cf: "could not be delivered",
// "THIS IS A WARNING ONLY", "will be retried"), Exim (deliver.c / moan.c: "could not be delivered",
// "has not yet been delivered", "No action is required on your part", "not delivered to any
// recipients"), Sendmail (savemail.c: "permanent fatal errors", "transient non-fatal errors",
// "Warning: message still undelivered after", "Will keep trying until"), qmail ("I wasn't able to
// deliver", "This is a permanent error"), Courier ("has not been delivered yet"), Microsoft SMTP
// Service / Exchange ("Delivery to the following recipients failed|has been delayed", "did not reach",
// "THIS IS A WARNING MESSAGE ONLY", "has been postponed"), Gmail ("will be retried"), Dovecot
// ("was automatically rejected"), and Sisimai's fallback reader (BSD-2) for the rest.

/** A sentence that says a message (or a recipient) failed. */
export const FAILURE_WORDS =
  /\b(?:could ?n[o']t be (?:delivered|reached)|can ?n[o']t be (?:delivered|reached)|(?:could not|couldn't|unable to|failed to|wasn't able to|was not able to) deliver|undeliver(?:able|ed)|(?:was|were|is|has|have|been) not (?:been )?delivered|not delivered to|(?:delivery|deliver) (?:has |have )?(?:failed|failure)|(?:recipients?|recipient\(s\)|addresse?s?|address\(es\)|users?) (?:has |have )?failed|delivery (?:failure|problems?|error)|fail(?:ed|ure)s? (?:recipient|address)|permanent(?:ly)? (?:fatal )?(?:error|failure)|permanent fatal|(?<!non-)fatal errors?|did not reach|did not receive|(?:was|were|been) (?:rejected|refused|returned|bounced)|automatically rejected|returned to (?:the )?sender|non-?delivery|no such (?:user|mailbox|address|recipient|account)|(?:user|recipient|address|mailbox|account) (?:unknown|not (?:known|found|listed)|does not exist|doesn't exist)|unknown (?:user|recipient|address|mailbox|local part)|(?:address(?:es)?|recipients?|users?) (?:was|were|is|are) unknown|does(?: not|n't) exist|not a valid (?:user|recipient|address|mailbox|e-?mail)|no longer (?:valid|exists?|available|active)|mailbox (?:is )?(?:full|unavailable|not found)|over quota|quota exceeded|no final (?:e-?mail )?delivery|not accepting mail|errors? (?:occurred|while)|(?:rejected|refused) (?:your|the) (?:message|mail)|message (?:size )?(?:is )?too (?:big|large)|exceeds? (?:the )?(?:maximum|fixed maximum)|longer than the maximum)\b/i;

/** A sentence that says delivery is only delayed and will be tried again. */
export const DELAY_WORDS =
  /\b(?:not yet been delivered|(?:has|have) not been delivered yet|(?:has|have) been (?:delayed|postponed|deferred)|delivery (?:has been |is |was )?(?:delayed|postponed|deferred)|(?:is|was|been) delayed|still (?:being retried|trying|undelivered|in (?:the )?queue|pending)|will (?:continue to |keep |automatically )?(?:retry|re-?try|try|attempt)|will be (?:retried|re-?sent|re-?attempted)|delivery attempts will continue|keep trying until|warning (?:message )?only|just a warning|(?:you )?do not need to (?:resend|take any action|do anything)|no action is required on your part|transient non-fatal|advisory-only)\b/i;

/** A sentence that says the MTA has given up: a delay word next to it does not make the notice a delay. */
export const GIVEN_UP_WORDS =
  /\b(?:permanent(?:ly)?|(?<!non-)fatal error|gave up|giving up|given up|has been returned|will not be (?:retried|delivered)|no further (?:attempts|delivery attempts))\b/i;

/** Subjects of delay notices (Microsoft "(Delay)", Postfix "Delayed Mail", Exim "... delayed", Courier). */
export const DELAY_SUBJECT =
  /\((?:delay|delayed)\)|\bdelayed mail\b|\bstill being retried\b|\bdelivery (?:delayed|delay)\b|\bdelay(?:ed)? (?:notification|notice|warning)\b|\bmessage \S+ delayed\b|\bwarning: (?:could not send message for past|message still undelivered|delayed mail)\b/i;

/** True when a notice says the delivery is delayed, and does not say it has failed for good. */
export function saysDelayed(subject: string, notice: string): boolean {
  if (GIVEN_UP_WORDS.test(notice)) return false;
  return DELAY_WORDS.test(notice) || DELAY_SUBJECT.test(subject);
}
