// SMTP reply codes (RFC 5321, RFC 7504) that hint at a reason when nothing more specific is known.
import type { Reason } from '../types.ts';

export const REPLY_REASONS: ReadonlyMap<string, Reason> = new Map<string, Reason>([
  ['500', 'syntaxerror'], // syntax error, command unrecognised
  ['501', 'syntaxerror'], // syntax error in parameters or arguments
  ['502', 'syntaxerror'], // command not implemented
  ['503', 'syntaxerror'], // bad sequence of commands
  ['504', 'syntaxerror'], // command parameter not implemented
  ['521', 'notaccept'], // host does not accept mail (RFC 7504)
  ['556', 'notaccept'], // domain does not accept mail (RFC 7504)
  ['452', 'systemfull'], // insufficient system storage
  ['552', 'mailboxfull'], // exceeded storage allocation
  ['551', 'hasmoved'], // user not local; please try <forward-path>
]);

export function reasonOfReplyCode(code: string): Reason | undefined {
  return REPLY_REASONS.get(code);
}
