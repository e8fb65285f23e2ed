// notaccept: the receiving domain or host accepts no mail at all (a null MX, RFC 7505).
import type { ReasonRule } from '../rule.ts';

export const notacceptRule: ReasonRule<'notaccept'> = {
  reason: 'notaccept',
  category: 'recipient-unknown',
  hardBounce: 'when-permanent',
  derivedDetail: '932',
  // X.1.10 recipient address has null MX, X.7.27 sender address has null MX (RFC 7505); X.3.2 system
  // not accepting network messages (RFC 3463).
  statuses: ['1.10', '7.27', '5.3.2'],
  // 4.3.2: a system not accepting messages for now is what a busy or stopping server says.
  genericStatuses: ['4.3.2'],
  // 521 host does not accept mail, 556 domain does not accept mail (RFC 7504).
  replyCodes: ['521', '556'],
  phrases: [
    'null mx',
    'nullmx',
    'does not accept mail',
    'does not accept email',
    'accepts no mail',
    'not accept any mail',
    'no mail accepted',
    'mail is not accepted',
    'does not receive mail',
    'mail receiving disabled',
    'this domain is not set up to receive',
    'no mx record found for domain=',
    'name server: .: host not found',
    'system not accepting network messages',
    'hosted tenant which has no mail-enabled subscriptions',
    'smtp protocol returned a permanent error',
    'no route for current request',
    'no smtp service here',
    'not accepting connections',
  ],
  // "does not accept mail from <sender>" is a refusal of the sender (rejected.ts), not of all mail.
  unless: [/\bdoes not accept (?:e-?mail|mail) from\b/],
  providers: {
    // AOL answers a broken MX lookup of the recipient's domain this way (Sisimai 5 rhost/for-aol.go).
    yahoo: { words: ['type=mx: malformed or unexpected name server reply'] },
    microsoft: {
      words: [
        'hosted tenant which has no mail-enabled subscriptions',
        'missing or bad storedriver mdb properties',
      ],
    },
    apple: { words: ['host/domain does not accept mail'] },
    mimecast: { words: ['account inbounds disabled'] },
  },
  sources: [
    'RFC 7505 (null MX, X.1.10, X.7.27), RFC 7504 (521, 556), RFC 3463 (X.3.2)',
    'Sisimai 5 reason/why-notaccept.go (BSD-2-Clause), the wordings only',
    'Postfix "Domain x does not accept mail (nullMX)"; Sendmail "Name server: .: host not found"; Apple iCloud; Yahoo',
    'Microsoft 365 NDR 4.3.2, 4.4.4 (tenant with no mail-enabled subscriptions); Mimecast "account inbounds disabled"',
  ],
};
