// Who else a notice names: the bounce's own sender and the original's sender are never its failed
// recipients; the returned original's To and Cc are, when the notice names its recipient only by
// display name (Exchange) or not at all (a message refused as a whole: too big, too many recipients).
import type { MailHeaders } from '../mail/headers.ts';
import { cleanAddress, isPlainAddress } from './address.ts';

export interface NamedAddress {
  name: string;
  address: string;
}

const SENDER_FIELDS = ['from', 'sender', 'return-path', 'reply-to', 'errors-to', 'to'] as const;
const ORIGINAL_SENDER_FIELDS = ['from', 'sender', 'return-path', 'reply-to'] as const;
/** `"Name" <a@b>`, `Name <a@b>`, or a bare `a@b`, one at a time in an address list. */
const MAILBOX =
  /(?:"([^"\n]{0,200})"|([^,<>"\n]{0,200}?))\s*<([^<>\s]{1,320})>|([^\s,<>"]{1,320}@[^\s,<>"]{1,255})/g;

/**
 * Addresses that are never a failed recipient: the bounce's From, Sender, Return-Path, Reply-To,
 * Errors-To and To (the bounce goes to the original's sender), and the original's own senders.
 */
export function notRecipients(bounce: MailHeaders, original: MailHeaders): Set<string> {
  const addresses = new Set<string>();
  for (const field of SENDER_FIELDS) for (const m of mailboxes(bounce, field)) addresses.add(m.address);
  for (const field of ORIGINAL_SENDER_FIELDS)
    for (const m of mailboxes(original, field)) addresses.add(m.address);
  return addresses;
}

/** The original's To and Cc, with display names. */
export function originalRecipients(original: MailHeaders): NamedAddress[] {
  return [...mailboxes(original, 'to'), ...mailboxes(original, 'cc')];
}

/** The original's recipients that a notice names by display name ("John Smith") or local part ("jdoe"). */
export function recipientsByName(names: readonly string[], original: MailHeaders): string[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const matched = originalRecipients(original).filter(
    (m) => wanted.has(m.name.toLowerCase()) || wanted.has(m.address.split('@')[0] ?? ''),
  );
  return [...new Set(matched.map((m) => m.address))];
}

function mailboxes(headers: MailHeaders, field: string): NamedAddress[] {
  const found: NamedAddress[] = [];
  for (const value of headers.all(field)) {
    for (const m of value.slice(0, 8192).matchAll(MAILBOX)) {
      const address = cleanAddress(m[3] ?? m[4] ?? '');
      if (!isPlainAddress(address)) continue;
      found.push({ name: (m[1] ?? m[2] ?? '').trim(), address });
    }
  }
  return found;
}
