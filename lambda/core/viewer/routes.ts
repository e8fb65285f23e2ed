// The viewer's routes, read from a Function URL request's method and path:
//   /o/<token>            preview of the original      /o/<token>/download  the original as .eml
//   /r/<token>            preview of the raw bounce    /r/<token>/download  the raw bounce as .eml
// Anything else is not found; a method other than GET or HEAD is not allowed.
import { LINK_PATH } from '../links/link-token.ts';
import { STORED_MAIL_KINDS, type StoredMailKind } from '../links/stored-mail.ts';

export type ViewerRoute =
  | { action: 'preview' | 'download'; link: StoredMailKind; token: string; downloadPath: string }
  | { action: 'not-found' }
  | { action: 'method-not-allowed' };

const ROUTE = /^\/([or])\/([A-Za-z0-9._-]{1,1024})(\/download)?\/?$/;

export function routeOf(method: string, rawPath: string): ViewerRoute {
  if (method !== 'GET' && method !== 'HEAD') return { action: 'method-not-allowed' };
  const match = ROUTE.exec(rawPath);
  const link = STORED_MAIL_KINDS.find((kind) => LINK_PATH[kind] === match?.[1]);
  if (!match || !link || !match[2]) return { action: 'not-found' };
  return {
    action: match[3] ? 'download' : 'preview',
    link,
    token: match[2],
    downloadPath: `/${match[1]}/${match[2]}/download`,
  };
}
