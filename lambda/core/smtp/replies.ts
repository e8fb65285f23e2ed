// Reading SMTP replies: the reply code, the RFC 3463 enhanced code, the words, and the AUTH mechanisms
// an EHLO reply offers.

export interface SmtpReply {
  code: number;
  enhancedCode?: string;
  text: string;
}

const REPLY_LINE = /^(\d{3})[ -]?(.*)$/;
const ENHANCED = /^([245]\.\d{1,3}\.\d{1,3})\b\s*/;

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
    code: Number(first[1]),
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
