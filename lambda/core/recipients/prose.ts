// Finds the failed recipients that a plain-text notice names in prose, for the notices no format parser
// knows: after a phrase on the same line ("Intended recipient: a@b"), in a list after an intro line
// ("Delivery to the following recipients failed." / "   a@b"), at the start of an error line
// ("a@b - no such user here."), or alone on a line next to words of failure or delay. Bounded and
// linear: at most MAX_LINES lines of at most LINE_LIMIT characters, each tested by a fixed set of
// patterns without nested quantifiers.
import { addressesIn, squeeze } from '../text.ts';
import { leadingAddress } from './address.ts';
import { DELAY_WORDS, FAILURE_WORDS, GIVEN_UP_WORDS } from './notice-words.ts';
import { INLINE_PHRASES, LIST_INTRO_GENERIC, LIST_INTROS } from './prose-phrases.ts';

export interface ProseRecipient {
  address: string;
  /** The words that concern the recipient: the rest of its line and the lines that explain it. */
  words: string;
  /** Listed under an intro that says the delivery is only delayed. */
  delayed: boolean;
}

export interface ProseReading {
  recipients: ProseRecipient[];
  /** List entries that are no address: display names ("John Smith"), bare local parts ("jdoe"). */
  names: ListedName[];
}

export interface ListedName {
  name: string;
  /** What the entry says besides the name: GroupWise's "(User not on post office)". */
  words: string;
}

const MAX_LINES = 400;
const LINE_LIMIT = 1000;
/** How many lines around a weak phrase or a lone address may hold the words of failure. */
const WINDOW = 3;
/** Lines quoting the returned message's headers are not about a recipient. */
const HEADER_LINE =
  /^\s*(?:to|from|cc|bcc|reply-to|return-path|sender|subject|date|sent|message-id|received|delivered-to|in-reply-to|references|x-[\w-]+)\s*:/i;
/** Sendmail's "(expanded from: alias)", Postfix's "(generated from alias)": the address the sender used. */
const EXPANDED = /^\s*\((?:expanded|generated) from:?\s*/i;
/** Labels before a listed address: "Recipient:", "Address:", "Error-for:", a bullet, a number. */
const ITEM_LABEL =
  /^[ \t>*+\u2022\u00b7-]*(?:\d{1,3}[.)][ \t]+)?(?:(?:(?:failed |final |original |intended )?recipient(?: address)?|e-?mail(?: address)?|address|error-for|mailbox)[ \t]*:)?/i;
/** After an address at the start of a line, what makes the line an error line. */
const ERROR_AFTER = /^\s*(?::|\.\.\.|--?\s|\(|\s)/;
const ERROR_DETAIL =
  /\b(?:unknown|invalid|no such|not (?:found|known|valid|exist|listed|allowed|accepted)|doesn't exist|does not exist|full|quota|reject(?:ed)?|denied|refused|unable|disabled|expired|error|unavailable|too (?:large|big)|timed out|blocked|fail(?:ed|ure)?|bad|unrouteable|unroutable|no mailbox|undeliverable)\b|\b[45]\d\d\b|\b[45]\.\d{1,3}\.\d{1,3}\b/i;
/** A server's refusal quoted in the notice ("552 Quota violation for a@b"): it names the recipient. */
const REPLY_LINE = /^\s*[45]\d\d[ -]/;
/** A list entry that names a person or a screen name, not an address: short, no sentence. */
const NAME_ENTRY = /^[\p{L}\p{N}][\p{L}\p{N}'_.+-]*(?: [\p{L}\p{N}'_.+-]+){0,4}$/u;
/**
 * Not part of a listed name: Exchange's date ("John Smith on 10/10/2003 9:00 AM"), GroupWise's reason
 * ("jdoe (User not on post office)").
 */
const NAME_SUFFIX = /\s+on\s+\S*\d.*$|\s+\([^()]*\)$/i;
/** Exchange 5.5 and X.400 gateways: "c=US;a= ;p=Org;o=Site;dda:SMTP=a@b; on <date>". */
const TYPED_ADDRESS = /\b(?:smtp|rfc-?822)[=:]\s*<?([^\s;<>"]{1,64}@[^\s;<>"]{1,255})/i;

interface List {
  delayed: boolean;
  items: number;
  blanks: number;
  gap: boolean;
  last?: Found;
  /** Indentation of the list's first entry: a line indented further explains the entry above it. */
  indent: number;
}

interface Found {
  address: string;
  words: string[];
  delayed: boolean;
  line: number;
}

/** Reads a notice (the text before the returned message); `exclude` holds addresses never taken. */
export function readProse(notice: string, exclude: (address: string) => boolean): ProseReading {
  const lines = proseLines(notice);
  const fail = lines.map((line) => FAILURE_WORDS.test(line));
  const delay = lines.map((line) => DELAY_WORDS.test(line));
  const near = (i: number) => {
    for (let j = Math.max(0, i - WINDOW); j <= Math.min(lines.length - 1, i + WINDOW); j++) {
      if (fail[j] || delay[j]) return true;
    }
    return false;
  };
  const found = new Map<string, Found>();
  const names: ListedName[] = [];
  const add = (address: string, line: number, words: string, delayed = false): Found | undefined => {
    if (exclude(address)) return undefined;
    const known = found.get(address);
    if (known) return known;
    const entry: Found = { address, words: words ? [words] : [], delayed, line };
    found.set(address, entry);
    return entry;
  };
  let list: List | undefined;
  let failureAbove = false;
  for (const [i, line] of lines.entries()) {
    const failureBefore = failureAbove;
    failureAbove ||= fail[i] === true;
    if (HEADER_LINE.test(line)) continue;
    if (list && readListLine(list, line, i)) continue;
    list = undefined;
    if (isListIntro(line, Boolean(fail[i] || delay[i]))) {
      list = {
        delayed: (delay[i] ?? false) && !GIVEN_UP_WORDS.test(line),
        items: 0,
        blanks: 0,
        gap: false,
        indent: -1,
      };
      const inline = leadingAddress(line.slice(line.lastIndexOf(':') + 1));
      if (line.includes(':') && inline) list.last = add(inline.address, i, squeeze(line), list.delayed);
      continue;
    }
    // Every reading below needs an address on the line.
    if (line.includes('@') && !readInline(line, i, near)) readAddressLine(line, i, failureBefore);
  }
  return { recipients: [...found.values()].map((f) => finish(f, lines)), names };

  /** A quoted server refusal, an error line that starts with the address, or an address alone. */
  function readAddressLine(line: string, i: number, failureBefore: boolean): void {
    if (REPLY_LINE.test(line)) {
      for (const address of addressesIn(line)) if (!isDaemon(address)) add(address, i, squeeze(line));
      return;
    }
    const lead = leadingAddress(line);
    if (!lead || isDaemon(lead.address) || !startsLine(line, lead.address)) return;
    if (ERROR_AFTER.test(lead.rest) && ERROR_DETAIL.test(lead.rest)) add(lead.address, i, squeeze(lead.rest));
    else if (!lead.rest.trim() && near(i)) add(lead.address, i, '');
    // qmail and its clones head each recipient's paragraph with "<a@b>:" below the notice's intro.
    else if (/^\s*:\s*$/.test(lead.rest) && failureBefore) add(lead.address, i, '');
  }

  /** One line of a list; false when the list has ended (the line is then read afresh). */
  function readListLine(state: List, line: string, i: number): boolean {
    if (!line.trim()) {
      if (state.items > 0 || names.length > 0) state.gap = true;
      else if (++state.blanks > 2) return false;
      return true;
    }
    const entry = line.replace(ITEM_LABEL, '');
    const item = leadingAddress(entry);
    const typed = item ? undefined : leadingAddress(TYPED_ADDRESS.exec(entry)?.[1] ?? '');
    if ((item && startsLine(entry, item.address)) || typed) {
      if (state.indent === -1) state.indent = indentOf(line);
      state.items++;
      state.gap = false;
      const address = item?.address ?? typed?.address ?? '';
      state.last = add(address, i, squeeze(item ? item.rest : entry), state.delayed);
      return true;
    }
    if (state.gap) return false;
    const expanded = EXPANDED.exec(line);
    if (expanded && state.last) {
      const alias = leadingAddress(line.slice(expanded[0].length));
      if (alias) add(alias.address, i, state.last.words.join(' '), state.delayed);
      return true;
    }
    const indent = indentOf(line);
    if (isNameEntry(line, i) && (state.indent === -1 || indent === state.indent)) {
      if (state.indent === -1) state.indent = indent;
      const entry = line.trim();
      const name = entry.replace(NAME_SUFFIX, '');
      names.push({ name, words: squeeze(entry.slice(name.length)) });
      return true;
    }
    if (state.last && (indent > state.indent || (indent > 0 && indent === state.indent))) {
      state.last.words.push(squeeze(line));
      return true;
    }
    return false;
  }

  /** A list entry that names a person or a screen name: short, no sentence, no words of failure. */
  function isNameEntry(line: string, i: number): boolean {
    const name = line.trim().replace(NAME_SUFFIX, '');
    return names.length < 50 && NAME_ENTRY.test(name) && !fail[i] && !delay[i] && !ERROR_DETAIL.test(name);
  }

  /** A phrase that names the recipient on the same line; weak phrases need failure words nearby. */
  function readInline(line: string, i: number, nearFailure: (i: number) => boolean): boolean {
    for (const phrase of INLINE_PHRASES) {
      const m = phrase.pattern.exec(line);
      if (!m) continue;
      const after = leadingAddress(line.slice(m.index + m[0].length));
      if (!after || (!phrase.strong && !nearFailure(i))) continue;
      // The phrase is part of the error ("User's mailbox is full: <a@b>"): the whole line is its words.
      add(after.address, i, squeeze(line));
      return true;
    }
    return false;
  }
}

/** The width of a line's leading white space, a tab reaching the next multiple of eight. */
function indentOf(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width = (Math.floor(width / 8) + 1) * 8;
    else break;
  }
  return width;
}

/** The notice's lines, bounded, with quoted-printable debris ("=20" at a line's end) removed. */
function proseLines(notice: string): string[] {
  return notice
    .slice(0, MAX_LINES * 200)
    .split('\n', MAX_LINES)
    .map((line) =>
      line
        .slice(0, LINE_LIMIT)
        .replace(/(?:=(?:20|09))+\s*$|=$/, '')
        .trimEnd(),
    );
}

function isListIntro(line: string, saysFailure: boolean): boolean {
  if (LIST_INTROS.some((intro) => intro.test(line))) return true;
  return saysFailure && LIST_INTRO_GENERIC.test(line);
}

/** Only punctuation, quotes or a bullet before the address: it starts the line. */
function startsLine(line: string, address: string): boolean {
  const at = line.toLowerCase().indexOf(address.split('@')[0] ?? '');
  return at !== -1 && /^[\s"'<([{`*>-]*(?:"[^"]{0,100}"\s*<)?(?:smtp:|mailto:)?$/i.test(line.slice(0, at));
}

/** Mailer daemons and postmasters sign notices and are named in "please contact" lines. */
export function isDaemon(address: string): boolean {
  return /^(?:mailer-daemon|mail-daemon|maildaemon|postmaster|mdaemon|double-bounce|abuse|hostmaster|noreply|no-reply)@/i.test(
    address,
  );
}

/** The recipient's words; a bare listing borrows the explanation that follows it in the notice. */
function finish(found: Found, lines: readonly string[]): ProseRecipient {
  let words = squeeze(found.words.join(' '));
  if (!ERROR_DETAIL.test(words)) {
    const after = explanationAfter(lines, found.line);
    words = squeeze(`${words} ${after}`);
  }
  return { address: found.address, words: words.slice(0, 1000), delayed: found.delayed };
}

/** Up to four lines of words of failure after a line: the same paragraph, else the next one. */
function explanationAfter(lines: readonly string[], from: number): string {
  const picked: string[] = [];
  for (let i = from + 1; i < lines.length && i <= from + 8 && picked.length < 4; i++) {
    const line = lines[i] ?? '';
    if (HEADER_LINE.test(line)) continue;
    if (!line.trim()) {
      if (picked.length > 0) break;
      continue;
    }
    if (FAILURE_WORDS.test(line) || DELAY_WORDS.test(line) || ERROR_DETAIL.test(line))
      picked.push(line.trim());
    else if (picked.length > 0) break;
  }
  return picked.join(' ');
}
