// RFC 3464 / RFC 6533 delivery-status fields: one per-message block, then one block per recipient.

export interface DsnRecipientFields {
  finalRecipient: string;
  originalRecipient: string;
  action: string;
  status: string;
  remoteMta: string;
  diagnosticType: string;
  diagnosticCode: string;
  lastAttemptDate: string;
  willRetryUntil: string;
}

export interface DeliveryStatus {
  reportingMta: string;
  arrivalDate: string;
  recipients: DsnRecipientFields[];
}

type Field = [name: string, value: string];

const RECIPIENT_START = new Set(['original-recipient', 'final-recipient']);

/** Parses a message/delivery-status body. Tolerates missing blank lines between blocks; never throws. */
export function parseDeliveryStatus(text: string): DeliveryStatus {
  const result: DeliveryStatus = { reportingMta: '', arrivalDate: '', recipients: [] };
  let current: DsnRecipientFields | undefined;
  let blankSinceLast = true;
  for (const entry of fieldsOf(text)) {
    if (entry === null) {
      blankSinceLast = true;
      continue;
    }
    const [name, value] = entry;
    if (RECIPIENT_START.has(name)) {
      const field = name === 'final-recipient' ? 'finalRecipient' : 'originalRecipient';
      if (!current || blankSinceLast || current[field] !== '') {
        current = emptyRecipient();
        result.recipients.push(current);
      }
      current[field] = addressOf(value);
    } else if (current) {
      setRecipientField(current, name, value);
    } else if (name === 'reporting-mta') {
      result.reportingMta = valueAfterType(value);
    } else if (name === 'arrival-date') {
      result.arrivalDate = value;
    }
    blankSinceLast = false;
  }
  return result;
}

function setRecipientField(r: DsnRecipientFields, name: string, value: string): void {
  switch (name) {
    case 'action':
      r.action = value.toLowerCase().split(/[\s(]/)[0] ?? '';
      break;
    case 'status':
      r.status = value.trim();
      break;
    case 'remote-mta':
      r.remoteMta = valueAfterType(value);
      break;
    case 'diagnostic-code': {
      const semi = value.indexOf(';');
      r.diagnosticType = semi === -1 ? '' : value.slice(0, semi).trim().toLowerCase();
      r.diagnosticCode = (semi === -1 ? value : value.slice(semi + 1)).trim();
      break;
    }
    case 'last-attempt-date':
      r.lastAttemptDate = value;
      break;
    case 'will-retry-until':
      r.willRetryUntil = value;
      break;
    case 'x-actual-recipient':
      if (!r.finalRecipient) r.finalRecipient = addressOf(value);
      break;
  }
}

/** Yields [name, unfolded value] per field, and null for each blank line. */
function* fieldsOf(text: string): Generator<Field | null> {
  let pending: Field | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && pending && line.trim()) {
      pending[1] += ` ${line.trim()}`;
      continue;
    }
    if (pending) yield pending;
    pending = undefined;
    if (!line.trim()) {
      yield null;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0 && /^[A-Za-z][A-Za-z0-9-]*$/.test(line.slice(0, colon).trim())) {
      pending = [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
    }
  }
  if (pending) yield pending;
}

function emptyRecipient(): DsnRecipientFields {
  return {
    finalRecipient: '',
    originalRecipient: '',
    action: '',
    status: '',
    remoteMta: '',
    diagnosticType: '',
    diagnosticCode: '',
    lastAttemptDate: '',
    willRetryUntil: '',
  };
}

/** "dns; mx.example.com" → "mx.example.com". */
function valueAfterType(value: string): string {
  const semi = value.indexOf(';');
  return (semi === -1 ? value : value.slice(semi + 1)).trim();
}

/** "rfc822; <User@Example.com>" → "User@Example.com" (case is kept; callers lower-case). */
export function addressOf(value: string): string {
  const bare = valueAfterType(value).trim();
  const angled = /<([^<>]*)>/.exec(bare);
  return (angled ? (angled[1] ?? '') : bare).trim().replace(/^["']|["']$/g, '');
}
