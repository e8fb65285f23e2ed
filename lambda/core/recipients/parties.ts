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
    for (const entry of splitAddressList(value.slice(0, 8192))) {
      const open = entry.lastIndexOf('<');
      const close = entry.indexOf('>', open);
      const inAngles = open !== -1 && close !== -1 ? entry.slice(open + 1, close) : '';
      const address = cleanAddress(inAngles || entry);
      if (!isPlainAddress(address)) continue;
      const name = inAngles ? entry.slice(0, open).trim().replace(/^"|"$/g, '').trim() : '';
      found.push({ name, address });
    }
  }
  return found;
}

/** An address list split at the commas outside quoted names, in one pass. */
function splitAddressList(value: string): string[] {
  const entries: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      entries.push(value.slice(start, i));
      start = i + 1;
    }
  }
  entries.push(value.slice(start));
  return entries.map((e) => e.trim()).filter(Boolean);
}
