// Google (Gmail, Workspace): its MX servers word some refusals their own way.
import type { ProviderRule } from './provider.ts';

export const google: ProviderRule = {
  id: 'google',
  hosts: ['google.com', 'googlemail.com'],
  domains: ['gmail.com', 'googlemail.com'],
  table: [
    // Google's newer DSN text: "Your message wasn't delivered to x because the address couldn't be found".
    ["because the address couldn't be found", 'userunknown'],
    ["because the domain couldn't be found", 'hostunknown'],
    ['receiving mail at a rate that prevents additional messages', 'speeding'],
    ['content presents a potential security issue', 'policyviolation'],
    ['has a policy that prohibited the mail that you sent', 'policyviolation'],
    ['multiple addresses in from: header', 'notcompliantrfc'],
    ['not rfc 5322 compliant', 'notcompliantrfc'],
    ['unusual rate of unsolicited mail', 'badreputation'],
    ['likely unsolicited mail', 'spamdetected'],
    ['does not have authentication information', 'authfailure'],
    ['email account that you tried to reach is disabled', 'suspend'],
    ['email account that you tried to reach is inactive', 'suspend'],
    ['email account that you tried to reach is over quota', 'mailboxfull'],
    ['out of storage space', 'mailboxfull'],
  ],
};
