// The Content-Disposition of a stored original: `attachment`, named after the mail's subject (RFC 6266):
// an ASCII `filename` for old clients and a UTF-8 `filename*` (RFC 8187) with safe characters only.

/** Characters no file system or download dialog takes well; also the bidi and control characters. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}/\\:*?"<>|]/gu;
const ASCII_KEEP = /[A-Za-z0-9 ._()+,=@-]/;
/** RFC 8187 attr-char: what stands unencoded in `filename*`. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+.^_`|~-]/;
const MAX_NAME_CHARS = 100;
const FALLBACK_STEM = 'message';

/** The file name, from the subject: unsafe characters replaced, trimmed, at most 100 characters. */
export function emlFileName(subject: string): string {
  const cleaned = subject.normalize('NFC').replace(UNSAFE, '_').replace(/\s+/g, ' ').replace(/_+/g, '_');
  const stem = [...cleaned]
    .slice(0, MAX_NAME_CHARS)
    .join('')
    .replace(/^[\s._]+|[\s._]+$/g, '');
  return `${stem || FALLBACK_STEM}.eml`;
}

export function emlContentDisposition(subject: string): string {
  const name = emlFileName(subject);
  return `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${percentEncode(name)}`;
}

function asciiFallback(name: string): string {
  const stem = name.slice(0, -'.eml'.length);
  const ascii = [...stem]
    .map((char) => (ASCII_KEEP.test(char) ? char : '_'))
    .join('')
    .replace(/[_\s]*_[_\s]*/g, '_')
    .replace(/^[\s._]+|[\s._]+$/g, '');
  return `${/[A-Za-z0-9]/.test(ascii) ? ascii : FALLBACK_STEM}.eml`;
}

function percentEncode(text: string): string {
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded +=
      byte < 0x80 && ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
