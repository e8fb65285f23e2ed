// normalizeLineEndings against the plain statement of what it does: CRLF and bare CR become LF.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLineEndings } from '../../lambda/core/mail/mailbox.ts';

const reference = (text: string) => Buffer.from(text.replace(/\r\n?/g, '\n'), 'latin1');

describe('normalizeLineEndings', () => {
  it.each([
    ['', ''],
    ['a\r\nb', 'a\nb'],
    ['a\rb', 'a\nb'],
    ['\r\r\n\n\r', '\n\n\n\n'],
    ['ends with CR\r', 'ends with CR\n'],
    ['no line end', 'no line end'],
  ])('%j becomes %j', (input, expected) => {
    expect(normalizeLineEndings(Buffer.from(input, 'latin1')).toString('latin1')).toBe(expected);
  });

  it('agrees with the reference on random mixes of CR, LF and text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('\r', '\n', 'a', 'bc', '\r\n', '\n\r')), (parts) => {
        const text = parts.join('');
        expect(normalizeLineEndings(Buffer.from(text, 'latin1'))).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a view into a larger buffer without touching what lies outside it', () => {
    const whole = Buffer.from('xx\r\nab\r\ncd\ryy', 'latin1');
    const view = whole.subarray(2, 11);
    expect(normalizeLineEndings(view).toString('latin1')).toBe('\nab\ncd\n');
    expect(whole.toString('latin1')).toBe('xx\r\nab\r\ncd\ryy');
  });
});
