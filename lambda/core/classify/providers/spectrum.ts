// Charter Spectrum: refusals carry an acceptable-use code (AUP#In-NNNN) from its error-code page.
import type { ProviderRule } from './provider.ts';

export const spectrum: ProviderRule = {
  id: 'spectrum',
  hosts: ['charter.net', 'rr.com', 'spectrum.net'],
  domains: ['charter.net', 'rr.com', 'spectrum.net', 'twc.com', 'brighthouse.com'],
  table: [
    [/aup#in-1(?:00\d|01\d)\b/, 'blocked'], // sending IP on Spectrum's blocklist
    [/aup#in-13\d\d\b/, 'toomanyconn'], // too many connections / recipients per connection
    [/aup#in-14\d\d\b/, 'speeding'], // sending rate exceeded
  ],
};
