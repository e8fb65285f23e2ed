// The kinds of mail the decoder tells apart, which the settings name too (the kinds that get a ticket):
// written once here, where both the core and the settings may read them.

/** The kinds of mail the decoder tells apart: the report's `kind` (the core reads them from here). */
export const MESSAGE_KINDS = [
  'bounce',
  'delay',
  'auto-reply',
  'feedback',
  'delivered',
  'not-bounce',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
