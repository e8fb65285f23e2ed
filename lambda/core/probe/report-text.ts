// A probe result as lines of text for people, in Japanese or English: the CLI prints them, alerts send them.
import type { Lang, LocalText } from '../diagnosis/reasons.ts';
import { printable } from './printable.ts';
import { PHASES, type ProbeResult } from './types.ts';

const LABELS = {
  server: { ja: 'サーバー', en: 'server' },
  outcome: { ja: '結果', en: 'outcome' },
  severity: { ja: '重大度', en: 'severity' },
  reply: { ja: 'サーバーの応答', en: 'server reply' },
  failedAt: { ja: '失敗した段階', en: 'failed at' },
  timings: { ja: '所要時間', en: 'timings' },
  certificate: { ja: '証明書', en: 'certificate' },
  expires: { ja: '期限', en: 'expires' },
  daysLeft: { ja: '残り日数', en: 'days left' },
  summary: { ja: '内容', en: 'what happened' },
  remedy: { ja: '対処', en: 'what to do' },
  checkedAt: { ja: '確認日時', en: 'checked at' },
  user: { ja: 'ユーザー', en: 'user' },
  senderCheck: { ja: '送信者の確認', en: 'sender check' },
} as const satisfies Record<string, LocalText>;

export function probeReportLines(result: ProbeResult, lang: Lang): string[] {
  const label = (name: keyof typeof LABELS) => LABELS[name][lang];
  const kind = result.variant ? ` (${result.variant})` : '';
  // Everything from outside (names given on the command line, the server's words) is escaped: a
  // control character would otherwise reach the terminal or the alert mail as it came.
  const lines = [
    `${label('server')}: ${printable(result.host)}:${result.port} ${result.security}, ${label('user')} ${printable(result.user) || '-'}`,
    `${label('outcome')}: ${result.outcome}${kind}   ${label('severity')}: ${result.severity}`,
  ];
  if (result.envelope) {
    const { from, to } = result.envelope;
    lines.push(`${label('senderCheck')}: MAIL FROM:<${printable(from)}> RCPT TO:<${printable(to)}>`);
  }
  if (result.replyText !== undefined || result.replyCode !== undefined) {
    const code = [result.replyCode, result.enhancedCode].filter((part) => part !== undefined).join(' ');
    const words = printable(result.replyText ?? '');
    lines.push(`${label('reply')}: ${[code, words].filter((part) => part !== '').join(' ')}`);
  }
  if (result.failedPhase) {
    const command = result.failedCommand ? `, ${result.failedCommand}` : '';
    lines.push(
      `${label('failedAt')}: ${result.failedPhase}${printable(command)} [${printable(result.errorCode ?? '')}]`,
    );
  }
  lines.push(`${label('timings')}: ${timingText(result)}`);
  if (result.certificate) {
    const cert = result.certificate;
    lines.push(
      `${label('certificate')}: ${printable(cert.subject)} / ${printable(cert.issuer)}; ${label('expires')} ${cert.validTo} (${label('daysLeft')} ${cert.daysLeft})`,
    );
  }
  lines.push(`${label('summary')}: ${result.diagnosis.summary[lang]}`);
  lines.push(`${label('remedy')}: ${result.diagnosis.remedy[lang]}`);
  lines.push(`${label('checkedAt')}: ${result.checkedAt}`);
  return lines;
}

function timingText(result: ProbeResult): string {
  const parts = PHASES.filter((phase) => result.timings[phase] !== undefined).map(
    (phase) => `${phase} ${result.timings[phase]} ms`,
  );
  return `${parts.join(', ')} (total ${result.totalMs} ms)`;
}
