// Repairs the delivery-status texts that MTAs get wrong, before they are read as RFC 3464 fields:
// per-recipient fields written before the recipient's address, and multi-line server replies whose
// continuation lines are not indented.

const FIELD_LINE = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:/;
const RECIPIENT_FIELDS = new Set(['final-recipient', 'original-recipient']);
const PER_RECIPIENT_FIELDS = new Set([
  'action',
  'status',
  'remote-mta',
  'diagnostic-code',
  'last-attempt-date',
  'will-retry-until',
  'final-log-id',
  'x-actual-recipient',
]);

/** A field line with its continuation lines. */
type Unit = { name: string; lines: string[] };

/** The delivery-status text with each recipient block in RFC 3464 order. Never throws. */
export function repairDeliveryStatus(text: string): string {
  // Linear in the text: a DSN may list thousands of recipients, and every one of them counts.
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Unit[][] = [[]];
  for (const line of lines) {
    const block = blocks[blocks.length - 1] ?? [];
    if (!line.trim()) {
      if (block.length > 0) blocks.push([]);
      continue;
    }
    const field = FIELD_LINE.exec(line);
    const last = block[block.length - 1];
    if (field) block.push({ name: (field[1] ?? '').toLowerCase(), lines: [line] });
    else if (last) last.lines.push(/^[ \t]/.test(line) ? line : ` ${line}`);
  }
  return blocks
    .filter((b) => b.length > 0)
    .map((b) =>
      recipientFirst(b)
        .flatMap((u) => u.lines)
        .join('\n'),
    )
    .join('\n\n');
}

// "Action: failed / Status: 5.0.0 / Final-Recipient: ..." → the recipient's address first, so that
// the fields before it are not lost. Blocks with several recipients are left as they are.
function recipientFirst(block: Unit[]): Unit[] {
  const finals = block.filter((u) => u.name === 'final-recipient').length;
  const originals = block.filter((u) => u.name === 'original-recipient').length;
  if (finals > 1 || originals > 1 || finals + originals === 0) return block;
  const first = block.findIndex((u) => RECIPIENT_FIELDS.has(u.name));
  const early = block.slice(0, first).filter((u) => PER_RECIPIENT_FIELDS.has(u.name));
  if (early.length === 0) return block;
  const perMessage = block.slice(0, first).filter((u) => !PER_RECIPIENT_FIELDS.has(u.name));
  const recipient = block.slice(first).filter((u) => RECIPIENT_FIELDS.has(u.name));
  const rest = block.slice(first).filter((u) => !RECIPIENT_FIELDS.has(u.name));
  return [...perMessage, ...recipient, ...early, ...rest];
}
