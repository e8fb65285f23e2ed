// The MIME splitter: what it finds in well-formed and broken multiparts.
import { describe, expect, it } from 'vitest';
import { splitMime } from '../../lambda/core/mail/mime-parts.ts';

const mail = (text: string) => splitMime(Buffer.from(text));
const summary = (text: string) => mail(text).leaves.map((l) => [l.type, l.body.toString()]);

describe('splitMime', () => {
  it('lists the leaves of nested multiparts in order and keeps a returned message opaque', () => {
    const text = [
      'Content-Type: multipart/report; boundary="outer"',
      '',
      'preamble',
      '--outer',
      'Content-Type: multipart/alternative; boundary="inner"',
      '',
      '--inner',
      'Content-Type: text/plain',
      '',
      'notice',
      '--inner',
      'Content-Type: text/html',
      '',
      '<p>notice</p>',
      '--inner--',
      '--outer',
      'Content-Type: message/rfc822',
      '',
      'Content-Type: multipart/mixed; boundary="original"',
      '',
      '--original',
      '',
      'body of the returned message',
      '--original--',
      '--outer--',
      'epilogue',
    ].join('\n');
    expect(summary(text)).toEqual([
      ['text/plain', 'notice'],
      ['text/html', '<p>notice</p>'],
      [
        'message/rfc822',
        'Content-Type: multipart/mixed; boundary="original"\n\n--original\n\nbody of the returned message\n--original--',
      ],
    ]);
  });

  it('does not take "--b12" for a delimiter of boundary "b1"', () => {
    const text =
      'Content-Type: multipart/mixed; boundary=b1\n\n--b1\n\nfirst\n--b12 is not a delimiter\n--b1--\n';
    expect(summary(text)).toEqual([['text/plain', 'first\n--b12 is not a delimiter']]);
  });

  it('reads parts of a digest as messages by default', () => {
    const text = 'Content-Type: multipart/digest; boundary=d\n\n--d\n\nFrom: a@example.com\n\nhi\n--d--\n';
    expect(mail(text).leaves.map((l) => l.type)).toEqual(['message/rfc822']);
  });

  it('finds the delimiters when a broken header fold lost the boundary parameter', () => {
    const text =
      'Content-Type: multipart/alternative;\nboundary="lost-boundary"\n\n--lost-boundary\nContent-Type: text/plain\n\nnotice\n--lost-boundary--\n';
    expect(summary(text)).toEqual([['text/plain', 'notice']]);
  });

  it('reads a multipart without any delimiter as one text part', () => {
    expect(summary('Content-Type: multipart/mixed; boundary=x\n\njust text\n')).toEqual([
      ['text/plain', 'just text\n'],
    ]);
  });

  it('keeps the last part of a multipart that never closes', () => {
    expect(summary('Content-Type: multipart/mixed; boundary=x\n\n--x\n\ncut off here')).toEqual([
      ['text/plain', 'cut off here'],
    ]);
  });

  it('gives transfer encoding, charset and disposition lower-cased', () => {
    const [leaf] = mail(
      'Content-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: Text/Plain; charset="ISO-2022-JP"\nContent-Transfer-Encoding: Base64\nContent-Disposition: Attachment; filename=a.txt\n\nGyRC\n--x--\n',
    ).leaves;
    expect(leaf).toMatchObject({
      type: 'text/plain',
      charset: 'iso-2022-jp',
      encoding: 'base64',
      disposition: 'attachment',
    });
  });

  it('stops nesting at a bounded depth', () => {
    let text = 'leaf';
    for (let i = 0; i < 40; i++)
      text = `Content-Type: multipart/mixed; boundary=n${i}\n\n--n${i}\n${text}\n--n${i}--`;
    expect(() => mail(text)).not.toThrow();
    expect(mail(text).leaves).toHaveLength(1);
  });
});
