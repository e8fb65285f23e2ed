// What a valid BounceReport looks like, checked field by field: the fuzz tests hold every decoded mail,
// however damaged, to it. Answers the list of problems (empty when the report is valid).
import {
  ACTIONS,
  type BounceReport,
  CARRIERS,
  MESSAGE_KINDS,
  REASONS,
  type RecipientResult,
} from '../../lambda/core/types.ts';

const STATUS = /^(?:[245]\.\d{1,3}\.\d{1,3})?$/;
const REPLY_CODE = /^(?:[245]\d\d)?$/;

export function reportProblems(report: BounceReport): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check((MESSAGE_KINDS as readonly string[]).includes(report.kind), `kind "${report.kind}"`);
  check(typeof report.decodedBy === 'string', 'decodedBy is not a string');
  check(Array.isArray(report.recipients), 'recipients is not an array');
  check(Array.isArray(report.warnings), 'warnings is not an array');
  check(
    report.warnings.every((w) => typeof w === 'string'),
    'a warning is not a string',
  );
  if (report.kind === 'not-bounce') check(report.recipients.length === 0, 'a not-bounce with recipients');
  else {
    check(report.recipients.length > 0, `a ${report.kind} without recipients`);
    check(report.decodedBy !== '', `a ${report.kind} decoded by no parser`);
  }
  check(
    typeof report.bounce?.subject === 'string' && typeof report.bounce.from === 'string',
    'bounce headers',
  );
  report.recipients.forEach((r, i) => {
    for (const problem of recipientProblems(r)) problems.push(`recipient ${i}: ${problem}`);
  });
  const original = report.original;
  if (original) {
    check(typeof original.subject === 'string', 'original.subject is not a string');
    check(typeof original.headersOnly === 'boolean', 'original.headersOnly is not a boolean');
    check(original.raw instanceof Uint8Array && original.raw.length > 0, 'original.raw is empty');
    check(original.to === undefined || original.to.every((t) => typeof t === 'string'), 'original.to');
  }
  return problems;
}

function recipientProblems(r: RecipientResult): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check(typeof r.address === 'string' && r.address === r.address.toLowerCase(), 'address not lower-cased');
  check((ACTIONS as readonly string[]).includes(r.action), `action "${r.action}"`);
  check(STATUS.test(r.status), `status "${r.status}"`);
  check(REPLY_CODE.test(r.replyCode), `replyCode "${r.replyCode}"`);
  check((REASONS as readonly string[]).includes(r.reason), `reason "${r.reason}"`);
  check(typeof r.hardBounce === 'boolean', 'hardBounce is not a boolean');
  for (const field of ['diagnosticCode', 'remoteMta', 'command'] as const) {
    check(typeof r[field] === 'string', `${field} is not a string`);
  }
  check(r.carrier === undefined || (CARRIERS as readonly string[]).includes(r.carrier), 'carrier');
  return problems;
}
