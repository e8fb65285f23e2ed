// SMTP replies as a whole: a reply split into its reply code, enhanced status code and words; a reply
// written over several lines ("550-5.7.1 first" / "550 5.7.1 last") joined into one; the AUTH
// mechanisms an EHLO reply offers. Read by the probe (the live session) and the decoder (the replies
// that bounces quote).
import { squeeze } from '../text.ts';
import { ENHANCED_STATUS } from './codes.ts';

export interface SmtpReply {
  replyCode: number;
  enhancedCode?: string;
  text: string;
}

const REPLY_LINE = /^(\d{3})[ -]?(.*)$/;
const ENHANCED = new RegExp(String.raw`^(${ENHANCED_STATUS})\b\s*`);

/** Splits a (possibly multi-line) reply; undefined when it does not start with a reply code. */
export function parseReply(response: string | undefined): SmtpReply | undefined {
  if (!response) return undefined;
  const lines = response.split(/\r?\n/).filter((line) => line.trim() !== '');
  const first = REPLY_LINE.exec(lines[0] ?? '');
  if (!first) return undefined;
  const enhancedCode = ENHANCED.exec(first[2] ?? '')?.[1];
  const words = lines.map((line) => {
    const rest = REPLY_LINE.exec(line)?.[2] ?? line;
    return rest.replace(ENHANCED, '').trim();
  });
  return {
    replyCode: Number(first[1]),
    ...(enhancedCode ? { enhancedCode } : {}),
    text: words.filter((w) => w !== '').join(' '),
  };
}

/** The SASL mechanisms an EHLO reply advertises, upper-cased, in the server's order. */
export function advertisedAuthMechanisms(ehlo: string | undefined): string[] {
  const mechanisms = new Set<string>();
  for (const line of (ehlo ?? '').split(/\r?\n/)) {
    const rest = REPLY_LINE.exec(line.trim())?.[2] ?? '';
    const auth = /^AUTH[\s=](.*)$/i.exec(rest.trim());
    if (!auth) continue;
    for (const name of (auth[1] ?? '').split(/[\s=]+/)) if (name) mechanisms.add(name.toUpperCase());
  }
  return [...mechanisms];
}

/** A reply quoted over several lines ("550-5.7.1 first" / "550 5.7.1 last"), joined: see joinReplyLines. */
export function unfoldReply(lines: readonly string[]): string {
  return joinReplyLines(squeeze(lines.join(' ')));
}

const REPLY_LEAD = new RegExp(String.raw`^([245]\d\d)[- ](?:(${ENHANCED_STATUS}) )?`);

/**
 * Joins the lines of a multi-line SMTP reply quoted as one string: "550-5.7.1 Messages with
 * multiple 550-5.7.1 addresses ..." becomes "550 5.7.1 Messages with multiple addresses ...".
 */
export function joinReplyLines(text: string): string {
  const lead = REPLY_LEAD.exec(text);
  if (!lead) return text;
  const [, code, status] = lead;
  // Only a reply that really had several lines ("550-...") is rewritten; "552 of 552 bytes" is not.
  if (!text.startsWith(`${code}-`) && !text.includes(` ${code}-`)) return text;
  const continuation = new RegExp(
    `\\s${code}[- ]${status ? `(?:${status.replace(/\./g, '\\.')}\\s?)?` : ''}`,
    'g',
  );
  const rest = text.slice(lead[0].length).replace(continuation, ' ');
  return `${code} ${status ? `${status} ` : ''}${rest}`.replace(/\s+/g, ' ').trim();
}
