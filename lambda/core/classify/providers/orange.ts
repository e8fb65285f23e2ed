// Orange / La Poste (France): bilingual refusals ending with Orange's error codes (OFR..., LPN...).
import type { ProviderRule } from './provider.ts';

export const orange: ProviderRule = {
  id: 'orange',
  hosts: ['orange.fr', 'wanadoo.fr', 'laposte.net'],
  domains: ['orange.fr', 'wanadoo.fr', 'laposte.net'],
  table: [
    [/\b(?:ofr|lpn)(?:\d{3})?_506\b/, 'spamdetected'], // message refused as spam
    [/\b(?:ofr|lpn)(?:\d{3})?_999\b/, 'blocked'], // service refused to the sending host
    [/\b(?:ofr|lpn)(?:\d{3})?_(?:102|103|104|107|108|109)\b/, 'blocked'], // source IP refused (spam, reputation)
    [/\b(?:ofr|lpn)(?:\d{3})?_(?:416|417)\b/, 'userunknown'], // invalid recipient
    [/\b(?:ofr|lpn)(?:\d{3})?_(?:421|422|426)\b/, 'suspend'], // recipient account blocked or closed
    [/\b(?:ofr|lpn)(?:\d{3})?_(?:423|424)\b/, 'mailboxfull'],
    [/\b(?:ofr|lpn)(?:\d{3})?_(?:5\d\d)\b/, 'systemerror'], // service refused, try later
    [/\b(?:ofr|lpn)(?:\d{3})?_(?:301|302|303|304|305|306)\b/, 'spamdetected'], // message refused as spam
  ],
};
