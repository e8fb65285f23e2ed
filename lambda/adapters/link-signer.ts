// Mints the viewer links of a ticket and checks them: HMAC-signed, expiring tokens (core/links) with
// the key from Secrets Manager. No presigned S3 URLs: those die with the signing role's session.

import type { LinkKeyInput } from '../core/links/link-keys.ts';
import {
  type LinkVerification,
  linkExpiry,
  linkUrl,
  mintLinkToken,
  verifyLinkToken,
} from '../core/links/link-token.ts';
import type { StoredMailKind } from '../core/links/stored-mail.ts';
import type { TicketLinks } from '../core/ticketing/ticket.ts';

export interface LinkSignerOptions {
  /** The keys (link-keys.ts), e.g. read from Secrets Manager and cached for minutes. */
  key: () => Promise<LinkKeyInput>;
  viewerBaseUrl: string;
  expiryDays: number;
}

export class LinkSigner {
  constructor(private readonly options: LinkSignerOptions) {}

  /** The links of one ticket: the raw bounce always, the original when it was stored. */
  async ticketLinks(sesMessageId: string, now: Date, withOriginal: boolean): Promise<TicketLinks> {
    const key = await this.options.key();
    const expiresAt = linkExpiry(now, this.options.expiryDays);
    const link = (kind: StoredMailKind) =>
      linkUrl(
        this.options.viewerBaseUrl,
        kind,
        mintLinkToken({ messageId: sesMessageId, kind, expiresAt }, key),
      );
    return {
      ...(withOriginal ? { original: link('original') } : {}),
      rawBounce: link('rawBounce'),
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    };
  }

  async verify(token: string, now: Date, kind?: StoredMailKind): Promise<LinkVerification> {
    return verifyLinkToken(token, { key: await this.options.key(), now, ...(kind ? { kind } : {}) });
  }
}
