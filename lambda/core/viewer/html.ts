// Building HTML safely: the `html` template escapes every interpolated value unless it is already
// `SafeHtml` (the output of another `html` template, or of the sanitiser).
import { escapeHtml } from '../ticketing/untrusted-text.ts';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolated = SafeHtml | string | number | undefined | null | false | readonly Interpolated[];

export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks text that is HTML already (the sanitiser's output). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: Interpolated): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}
