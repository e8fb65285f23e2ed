// au (KDDI, EZweb): "550 <user@ezweb.ne.jp>: User unknown" names an address that does not exist;
// a bare "550 : User unknown" is what au answers when the recipient's own filter (指定受信) refuses
// the sender: the address exists.
import type { ProviderRule } from './provider.ts';

export const au: ProviderRule = {
  id: 'au',
  hosts: ['ezweb.ne.jp', 'au.com'],
  domains: ['ezweb.ne.jp', 'au.com'],
  table: [
    [/<[^<>\s]{1,254}@[^<>\s]{1,254}>:? user unknown/, 'userunknown'],
    [/^5\d\d :? ?user unknown$/, 'filtered'],
  ],
};
