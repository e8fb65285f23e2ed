// The viewer's HTTP answers, in the shape a Lambda Function URL returns (payload v2): pages as UTF-8
// HTML, downloads as base64 message/rfc822, large downloads as a redirect. Every answer carries the
// security headers.
import type { RenderedPage } from './error-pages.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

export interface ViewerResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: boolean;
}

/** A Function URL answer holds at most 6 MB, base64 included: 4 MB of mail is the most sent inline. */
export const MAX_INLINE_DOWNLOAD_BYTES = 4_000_000;

export function pageResponse(page: RenderedPage, extra: Record<string, string> = {}): ViewerResponse {
  return {
    statusCode: page.status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...extra },
    body: page.body,
    isBase64Encoded: false,
  };
}

/** The stored mail as a file, named by its Content-Disposition. */
export function emlResponse(raw: Uint8Array, contentDisposition: string): ViewerResponse {
  return {
    statusCode: 200,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': 'message/rfc822',
      'Content-Disposition': contentDisposition,
    },
    body: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64'),
    isBase64Encoded: true,
  };
}

/** Whether a stored Content-Disposition is one the bounce handler writes (and so fit to send on). */
export function isStoredDisposition(value: string | undefined): value is string {
  return value !== undefined && /^attachment; filename="[ -!#-~]*"; filename\*=UTF-8''[!-~]+$/.test(value);
}

export function redirectResponse(location: string): ViewerResponse {
  return {
    statusCode: 303,
    headers: { ...SECURITY_HEADERS, Location: location },
    body: '',
    isBase64Encoded: false,
  };
}
