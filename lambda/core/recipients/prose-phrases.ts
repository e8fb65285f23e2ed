// How plain-text notices name the recipients they failed, as the MTAs and mail services write them.
// Each phrase is a template's wording, not one mail's: the sources are named beside each entry. Learned
// from the templates themselves and from the readers that collected them: Sisimai's fallback reader
// (lib/Sisimai/RFC3464.pm, BSD-2) and flufl.bounce's SimpleMatch/SimpleWarning tables (LGPL-3), whose
// comments name the servers; the rules here are our own.

/** A phrase after which a notice names one recipient on the same line: "Intended recipient: a@b". */
export interface InlinePhrase {
  pattern: RegExp;
  /**
   * A strong phrase says by itself that the address failed; a weak one ("your message to", "addressed
   * to") counts only when words of failure or delay stand next to it.
   */
  strong: boolean;
}

export const INLINE_PHRASES: readonly InlinePhrase[] = [
  // usa.net, Netscape/iPlanet Messaging Server, MailEnable ("Recipient: [SMTP:a@b]"), Exchange's
  // "Original Message Details" ("Recipient Address:"), Sisimai's fallback list.
  { pattern: /\b(?:intended|failed|final|original|invalid) recipient(?: address)?:/i, strong: true },
  { pattern: /^[ \t>*-]*recipient(?: address)?:/i, strong: false },
  // Generic: "could not be delivered to: a@b" (MIMEsweeper, Sisimai), "Unable to deliver message to
  // <a@b>" (Trend Micro InterScan), "Sorry, unable to deliver your message to a@b" (EarthLink),
  // "failed to deliver to" (Sisimai), "delivery to a@b failed" (Lotus Domino "Delivery to ... failed").
  { pattern: /\b(?:could ?n[o']t|can ?n[o']t) be delivered to\b:?/i, strong: true },
  {
    pattern:
      /\b(?:could not|couldn't|unable to|failed to|wasn't able to) deliver (?:(?:your|the|this) )?(?:(?:e-?mail )?message |mail |e-?mail )?to\b:?/i,
    strong: true,
  },
  { pattern: /\bdelivery to\b/i, strong: false },
  // IMail / SMTP32 ("Unknown user: a@b", "Delivery failed: a@b", "Undeliverable to a@b", "User mailbox
  // exceeds allowed size: a@b"), hotpop ("Undeliverable Address: a@b"), LSMTP ("Error-for: a@b"),
  // CMU AMS ("Invalid final delivery userid: a@b"), Prodigy ("User's mailbox is full: <a@b>").
  { pattern: /\bunknown (?:user|recipient)[^:\n]{0,20}:/i, strong: true },
  { pattern: /\bdelivery failed[^:\n]{0,30}:/i, strong: true },
  { pattern: /\bundeliverable (?:to\b|address(?:es)?:)/i, strong: true },
  { pattern: /\buser mailbox[^:\n]{0,30}:/i, strong: true },
  { pattern: /^[ \t]*error-for:/i, strong: true },
  { pattern: /\bdelivery userid[^:\n]{0,20}:/i, strong: true },
  { pattern: /\bmailbox is full:/i, strong: true },
  // Exchange / Outlook ("did not reach the following recipient(s): a@b"), gomaps, Sisimai.
  { pattern: /\bdid not reach the following recipients?(?:\(s\))?:?/i, strong: true },
  // "SMTP server <mx> rejected recipient <a@b>" (Sisimai's list).
  { pattern: /\brejected recipient\b/i, strong: true },
  // demon.co.uk ("... addressed to 'a@b'"), Mercury/MDaemon-era local delivery ("(Originally addressed
  // to a@b)"), Lotus Notes ("was addressed to"), Sisimai's list.
  { pattern: /\b(?:originally )?addressed to\b/i, strong: false },
  // Dovecot LDA/LMTP rejections ("Your message to <a@b> was automatically rejected:"), qmail variants,
  // Lotus Notes ("Your message to a@b ... was not delivered"), "The following message to <a@b> was
  // undeliverable" (Sisimai's list), Exim's autoreply-style refusals ("You sent mail to a@b. That's
  // not a valid user here."), Sendmail/Exim transcripts ("RCPT TO:<a@b>") followed by a refusal.
  { pattern: /\byour (?:e-?mail |mail |message )(?:to|for)\b:?/i, strong: false },
  { pattern: /\bthe following message to\b/i, strong: false },
  { pattern: /\byou sent (?:mail|a message|an e-?mail) to\b/i, strong: false },
  { pattern: /\brcpt to:/i, strong: false },
];

/**
 * A line after which a notice lists the recipients one a line (the list may start on the same line).
 * The generic shape is "the following recipient(s)/address(es)/user(s) ..." or "... to the following:"
 * (GroupWise: "The message that you sent was undeliverable to the following:") together with a word of
 * failure or delay on the same line; the entries below are the lists whose intro says neither.
 */
export const LIST_INTRO_GENERIC =
  /\b(?:following|these|those)\s+(?:(?:e-?mail\s+)?(?:recipients?|addresse?s?|address\(es\)|recipient\(s\)|users?|destinations?|mailboxe?s?|groups?)|recipients? or groups?)\b|\bthe following\s*:?\s*$/i;

export const LIST_INTROS: readonly RegExp[] = [
  // sdm.de ("Here is your list of failed recipients"), Smail 3 ("failed addresses follow:"),
  // E500 SMTP Mail Service ("------ Failed Recipients ------"), Sisimai's list.
  /\blist of failed recipients\b/i,
  /\bfailed addresses follow:/i,
  /^[ \t-]*failed recipients[ \t-]*:?[ \t-]*$/i,
  // Sendmail savemail.c errbody(): "----- The following addresses had permanent fatal errors -----",
  // "... had transient non-fatal errors -----" (a delay), also written by Sendmail without a DSN.
  /^[ \t]*-+ The following addresses had (?:permanent fatal|transient non-fatal) errors -+/i,
  // Exim's delay warning (deliver.c, warn_message_file): "The address to which the message has not yet
  // been delivered is:" — kundenserver.de and pop3.pta.lia.net in flufl's table are Exim.
  /\bto which the message has not yet been delivered (?:is|are):/i,
  // Microsoft SMTP Service / CDO ("The email below could not be delivered to the following user:"),
  // Exchange 2007+ ("Delivery has failed to these recipients or groups:"), MIMEsweeper ("A message
  // could not be delivered to:"), the Yale/phquery mailer ("Message not delivered to the following
  // addresses:"), Netscape Messaging Server ("This Message was undeliverable due to the following
  // reason:", then "Recipient: <a@b>" lines).
  /\bcould not be delivered to:?[ \t]*$/i,
  // Lotus Notes/Domino ("Your message ... was not delivered to:"), and their kin.
  /\bnot (?:been )?delivered to:?[ \t]*$/i,
  /\bundeliverable due to the following reason\b/i,
  // Exchange's advisory ("Delivery of email to this address ... has been postponed"), Symantec
  // gateways ("Your message with Subject: ... could not be delivered to the following"), MessageSwitch
  // ("Your message to:" then the address), CMU AMS ("Invalid final delivery userid:").
  /\bdelivery of (?:e-?mail|the message|your message) to this address\b/i,
  /^[ \t]*your message to:[ \t]*$/i,
  /\binvalid final delivery userid:/i,
];
