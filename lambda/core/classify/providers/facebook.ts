// Facebook / Meta: refusals carry Facebook's response codes (RCP-P1, RCP-T1, POL-P1, ...).
import type { ProviderRule } from './provider.ts';

export const facebook: ProviderRule = {
  id: 'facebook',
  hosts: ['facebook.com', 'fb.com', 'facebookmail.com'],
  domains: ['facebook.com'],
  table: [
    [/\brcp-p[1-9]\b/, 'filtered'], // refused due to the recipient's preferences
    [/\brcp-t[1-9]\b/, 'speeding'],
    [/\bpol-p[1-9]\b/, 'policyviolation'],
    [/\bint-p[1-9]\b/, 'systemerror'],
    [/\bdns-p[1-9]\b/, 'rejected'],
    [/\bspf-p[1-9]\b|\bdkim-p[1-9]\b/, 'authfailure'],
    ['refused due to recipient preferences', 'filtered'],
  ],
};
