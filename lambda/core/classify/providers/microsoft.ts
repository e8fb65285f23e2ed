// Microsoft (Outlook.com, Hotmail, Exchange Online Protection): its own wording and 5.7.x codes.
import type { ProviderRule } from './provider.ts';

export const microsoft: ProviderRule = {
  id: 'microsoft',
  hosts: ['outlook.com', 'hotmail.com', 'protection.outlook.com', 'olc.protection.outlook.com'],
  domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'outlook.jp', 'hotmail.co.jp'],
  table: [
    ['requested action not taken: mailbox unavailable', 'userunknown'],
    // Exchange writes 5.1.10 (RFC 7505's null MX) for a recipient its directory does not know.
    ['resolver.adr.recipientnotfound', 'userunknown'],
    ['recipient address rejected: access denied', 'userunknown'], // directory-based edge blocking
    [/\b5\.7\.(?:60[6-9]|6[0-4]\d)\b/, 'blocked'], // banned sending IP (5.7.606-649)
    [/\b[45]\.7\.650\b/, 'badreputation'],
    [/\b5\.7\.(?:509|510|515)\b/, 'authfailure'], // DMARC / sender authentication (5.7.509, 5.7.515)
    ['mismatches client ip', 'requireptr'],
  ],
};
