// Oracle Communications / Sun Java System Messaging Server (and PMDF), and its ancestor Netscape
// Messaging Server: "Delivery Notification: Delivery has failed", a notice with "Recipient address:"
// (Netscape: "Recipient:"), "Reason:", "Diagnostic code:" lines, and a DSN.

import { betterStatus, recipientsFromDsn } from '../../dsn/recipients.ts';
import type { MailView } from '../../mail/read-mail.ts';
import { findSmtpReplyCode, findStatus } from '../../smtp/codes.ts';
import { addressesIn, MATCH_LIMIT, squeeze } from '../../text.ts';
import type { BounceParser, ParsedBounce, ParsedRecipient } from '../parser.ts';

const NOTICE = /^This report relates to a message you sent with the following header fields:/m;

/**
 * The server's "Reason:" wording that names the refused command. "Remote SMTP server has rejected
 * address" does not: Messaging Server writes it for refusals at RCPT and after DATA alike.
 */
const REASON_COMMANDS: ReadonlyArray<[RegExp, string]> = [[/^Server rejected MAIL FROM address/i, 'MAIL']];

interface NoticeBlock {
  addresses: string[];
  reason: string;
  diagnostic: string;
  remoteSystem: string;
}

export const messagingserver: BounceParser = {
  id: 'messagingserver',
  parse(mail: MailView): ParsedBounce | null {
    const byBoundary = mail.headers.get('content-type').includes('Boundary_(ID_');
    const bySubject = /^Delivery Notification: /.test(mail.headers.get('subject'));
    if (!byBoundary && !bySubject) return null;
    const blocks = noticeBlocks(mail.text);
    if (blocks.length === 0 && !NOTICE.test(mail.text.slice(0, 4096))) return null;
    const recipients = recipientsFromDsn(mail);
    // A block that names no address (a "Reason:" line alone) is no recipient: another parser may know more.
    if (recipients.length === 0)
      recipients.push(...blocks.filter((b) => b.addresses.length > 0).map(fromBlock));
    else for (const r of recipients) enrich(r, blocks);
    return recipients.length > 0 ? { recipients } : null;
  },
};

/** One block per "Recipient address:" line of the notice, with the lines that follow it. */
function noticeBlocks(text: string): NoticeBlock[] {
  const blocks: NoticeBlock[] = [];
  let current: NoticeBlock | undefined;
  for (const line of text.slice(0, MATCH_LIMIT).split('\n')) {
    const m =
      /^\s+(Recipient address|Recipient|Original address|Reason|Diagnostic code|Remote system):\s*(.*)$/i.exec(
        line,
      );
    if (!m) continue;
    const name = (m[1] ?? '').toLowerCase();
    const value = (m[2] ?? '').trim();
    if (name.startsWith('recipient') || !current) {
      current = { addresses: [], reason: '', diagnostic: '', remoteSystem: '' };
      blocks.push(current);
    }
    if (name.endsWith('address') || name === 'recipient')
      current.addresses.push(...addressesIn(value.replace(/^@[^:]*:/, '')));
    else if (name === 'reason') current.reason = value;
    else if (name === 'diagnostic code') current.diagnostic = value.replace(/^[\w-]+;\s*/, '');
    else current.remoteSystem = value.replace(/^[\w-]+;\s*/, '').split(/\s/)[0] ?? '';
  }
  return blocks;
}

function fromBlock(block: NoticeBlock): ParsedRecipient {
  const diagnostic = block.diagnostic || block.reason;
  const status = findStatus(diagnostic);
  return {
    address: block.addresses[block.addresses.length - 1] ?? '',
    action: 'failed',
    status,
    replyCode: findSmtpReplyCode(diagnostic, status),
    diagnosticCode: diagnostic,
    command: commandOf(block.reason),
    remoteMta: block.remoteSystem,
  };
}

function enrich(r: ParsedRecipient, blocks: readonly NoticeBlock[]): void {
  const block =
    blocks.find((b) => b.addresses.includes(r.address)) ?? (blocks.length === 1 ? blocks[0] : undefined);
  if (!block) return;
  // With no server reply (a local failure), the server's own "Reason:" is the explanation.
  r.diagnosticCode ||= squeeze(block.diagnostic || block.reason);
  r.status = betterStatus(r.status ?? '', r.diagnosticCode);
  r.replyCode ||= findSmtpReplyCode(r.diagnosticCode, r.status);
  r.command ||= commandOf(block.reason);
  r.remoteMta ||= block.remoteSystem;
}

function commandOf(reason: string): string {
  return REASON_COMMANDS.find(([pattern]) => pattern.test(reason))?.[1] ?? '';
}
