/** The kinds of mail the decoder tells apart: the report's `kind` (the core reads them from here). */
export declare const MESSAGE_KINDS: readonly ['bounce', 'delay', 'auto-reply', 'feedback', 'delivered', 'not-bounce'];
export type MessageKind = (typeof MESSAGE_KINDS)[number];
