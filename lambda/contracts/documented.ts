// How a setting is documented: its default as the docs show it and what it means. The configuration
// tables in docs/ are generated from these (`npm run docs:config`), so a setting and its docs change
// together.

export interface SettingDoc {
  /** As the docs show it: a value in backticks, `(required)`, or "" when unset means off. */
  readonly default: string;
  readonly meaning: string;
}

export const REQUIRED = '(required)';

/** A value as the docs' tables show it: in backticks. */
export function code(value: string | number | boolean | readonly string[]): string {
  return `\`${Array.isArray(value) ? value.join(',') : String(value)}\``;
}

/** `a`, `b` or `c`. */
export function codeList(values: readonly string[]): string {
  const shown = values.map((value) => code(value));
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}` : (shown[0] ?? '');
}
