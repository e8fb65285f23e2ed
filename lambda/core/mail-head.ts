// The header block on top of a mail's bytes, read with mail/headers.ts: what the bounce handler reads
// beyond the decoder (SES's verdicts, the addresses a bounce came to, our own ticket mail's marks).
// Only the first `maxBytes` are read: a mail may be 40 MB, its headers are at its start.
import { headerBlockOf, MailHeaders } from './mail/headers.ts';
import { normalizeLineEndings } from './mail/mailbox.ts';

export function mailHead(raw: Uint8Array, maxBytes: number): MailHeaders {
  return MailHeaders.parse(headerBlockOf(normalizeLineEndings(raw.subarray(0, maxBytes))));
}
