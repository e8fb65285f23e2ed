// Small readers for the server replies that mail providers' plain-text notices quote.

/** "550 550 5.1.1 ..." (the notice's copy of the code, then the server's reply) → "550 5.1.1 ...". */
export function withoutRepeatedReplyCode(text: string): string {
  return text.replace(/^([245]\d\d)[ -]\1(?=[\s-]|$)/, '$1').trim();
}

/** A reply code that opens a text followed by a colon, as "550: 5.2.2 <a@b>... Mailbox Full". */
export function leadingReplyCode(text: string): string {
  return /^\s*([245][0-5]\d)(?=[\s:-]|$)/.exec(text)?.[1] ?? '';
}
