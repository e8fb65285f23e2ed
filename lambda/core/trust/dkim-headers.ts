// The DKIM signature of a returned original, checked over its headers alone (RFC 6376 §3.7, §5.4;
// rsa-sha256, what signers use; ed25519-sha256 is rare and not read). A bounce returns the original's body cut short or not at all, so the body hash
// cannot be checked — and a DKIM verifier such as mailauth stops there (§6.1.3) — but the header
// signature still proves that the signer's domain wrote those headers (From, To, Message-ID, …),
// which a forger without the private key cannot do. Pure: the keys are looked up by the caller.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

export interface DkimSignature {
  /** d=, lower case. */
  domain: string;
  /** s= */
  selector: string;
  /** h=, lower case, in order. */
  signedHeaders: string[];
  headerCanon: 'simple' | 'relaxed';
  /** The whole DKIM-Signature field as it stands, for the signed data. */
  field: string;
  signature: Buffer;
}

export type DkimKeyLookup = (selector: string, domain: string) => KeyObject | undefined;

/** At most this many signatures are looked at (a forger could add hundreds). */
const MAX_SIGNATURES = 5;

/** The DKIM-Signature fields of a header block (CRLF or LF lines) that this checker can verify. */
export function dkimSignatures(headerBlock: string): DkimSignature[] {
  return headerFields(headerBlock)
    .filter((field) => /^dkim-signature\s*:/i.test(field))
    .slice(0, MAX_SIGNATURES)
    .flatMap((field) => {
      const tags = tagList(field.slice(field.indexOf(':') + 1));
      const canon = (tags.get('c') ?? 'simple/simple').split('/')[0];
      if (tags.get('a') !== 'rsa-sha256') return [];
      if (canon !== 'simple' && canon !== 'relaxed') return [];
      const domain = tags.get('d')?.toLowerCase();
      const selector = tags.get('s');
      const signedHeaders = (tags.get('h') ?? '').split(':').map((h) => h.trim().toLowerCase());
      if (!domain || !selector || !signedHeaders.includes('from') || !tags.get('b')) return [];
      const signature = Buffer.from(tags.get('b') ?? '', 'base64');
      return [{ domain, selector, signedHeaders, headerCanon: canon, field, signature }];
    });
}

/** Whether the signature holds over the header block's fields, with the signer's public key. */
export function verifyDkimHeaders(headerBlock: string, signature: DkimSignature, key: KeyObject): boolean {
  const data = Buffer.from(signedData(headerFields(headerBlock), signature), 'latin1');
  try {
    return verify('sha256', data, key, signature.signature);
  } catch {
    return false;
  }
}

/** The public key of a DKIM key record (`v=DKIM1; k=rsa; p=…`); undefined when revoked or unreadable. */
export function dkimPublicKey(record: string): KeyObject | undefined {
  const tags = tagList(record);
  const data = Buffer.from(tags.get('p') ?? '', 'base64');
  if (data.length === 0) return undefined;
  if ((tags.get('k') ?? 'rsa') !== 'rsa') return undefined;
  try {
    return createPublicKey({ key: data, format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/** §3.7: the signed fields (each h= name takes the last unused field of that name), then the signature field without its b= value. */
function signedData(fields: readonly string[], signature: DkimSignature): string {
  const used = new Set<number>();
  const parts: string[] = [];
  for (const name of signature.signedHeaders) {
    for (let i = fields.length - 1; i >= 0; i--) {
      if (used.has(i) || fieldName(fields[i] ?? '') !== name) continue;
      used.add(i);
      parts.push(`${canonical(fields[i] ?? '', signature.headerCanon)}\r\n`);
      break;
    }
  }
  const unsigned = signature.field.replace(/(\bb\s*=)[^;]*/i, '$1');
  parts.push(canonical(unsigned, signature.headerCanon));
  return parts.join('');
}

function canonical(field: string, canon: 'simple' | 'relaxed'): string {
  if (canon === 'simple') return field;
  const colon = field.indexOf(':');
  const value = field
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${field.slice(0, colon).trim().toLowerCase()}:${value}`;
}

/** The fields of a header block, each with its folded lines joined by CRLF, as signed. */
function headerFields(headerBlock: string): string[] {
  const fields: string[] = [];
  for (const line of headerBlock.replace(/\r?\n/g, '\n').split('\n')) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1] += `\r\n${line}`;
    else fields.push(line);
  }
  return fields;
}

function fieldName(field: string): string {
  return field
    .slice(0, Math.max(0, field.indexOf(':')))
    .trim()
    .toLowerCase();
}

/** `a=x; b = y` → {a: x, b: y}; white space inside values (folding, base64 breaks) removed. */
function tagList(text: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    tags.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).replace(/\s+/g, ''));
  }
  return tags;
}
