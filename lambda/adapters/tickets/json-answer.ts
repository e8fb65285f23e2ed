// Reading fields out of a ticket API's JSON answer, which may be anything: absent fields and wrong types
// read as undefined, never as an error (a ticket was created either way).

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** An id as text: APIs give numbers or strings. */
export function idText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
