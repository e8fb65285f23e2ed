// The categories a support person understands; each reason's rule file (classify/rules/) names its own.

export const CATEGORIES = [
  'recipient-unknown',
  'mailbox-full',
  'message-too-large',
  'rejected-as-spam-or-blocklisted',
  'sender-authentication',
  'temporary-or-delayed',
  'auto-reply',
  'complaint',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
