// Message identifiers (RFC 5322 msg-id, `<left@right>`) read from Message-ID, In-Reply-To and
// References values: anyone's text, so only well-formed ids come out, at most 503 characters each.

/**
 * A msg-id: printable ASCII without spaces or angle brackets, one `@`, in angle brackets. The two runs
 * around the `@` hold none, so an attempt backtracks at most 250 steps per run: linear in the value.
 */
const MESSAGE_ID = /<([\x21-\x3B\x3D\x3F\x41-\x7E]{1,250}@[\x21-\x3B\x3D\x3F\x41-\x7E]{1,250})>/g;

/** The well-formed message ids in a header value, in order, without repeats; at most `limit`. */
export function messageIdsIn(value: string, limit = 100): string[] {
  const ids: string[] = [];
  for (const match of value.matchAll(MESSAGE_ID)) {
    const id = `<${match[1]}>`;
    if (ids.includes(id)) continue;
    ids.push(id);
    if (ids.length >= limit) break;
  }
  return ids;
}

/** The first well-formed message id of a value (a Message-ID header), or undefined. */
export function firstMessageId(value: string | undefined): string | undefined {
  return value ? messageIdsIn(value, 1)[0] : undefined;
}
