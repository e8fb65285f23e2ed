// A probe result as lines of text for people, in Japanese or English: the CLI prints them, alerts send them.
import type { LocalText } from '../diagnosis/reasons.ts';
import { PHASES, type ProbeResult } from './types.ts';

export type Lang = keyof LocalText;

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
} as const satisfies Record<string, LocalText>;

export function probeReportLines(result: ProbeResult, lang: Lang): string[] {
  const label = (name: keyof typeof LABELS) => LABELS[name][lang];
  const kind = result.variant ? ` (${result.variant})` : '';
  const lines = [
    `${label('server')}: ${result.host}:${result.port} ${result.security}, ${label('user')} ${result.user || '-'}`,
    `${label('outcome')}: ${result.outcome}${kind}   ${label('severity')}: ${result.severity}`,
  ];
  if (result.replyText !== undefined || result.replyCode !== undefined) {
    const code = [result.replyCode, result.enhancedCode].filter((part) => part !== undefined).join(' ');
    lines.push(`${label('reply')}: ${code} ${result.replyText ?? ''}`.trimEnd());
  }
  if (result.failedPhase) {
    const command = result.failedCommand ? `, ${result.failedCommand}` : '';
    lines.push(`${label('failedAt')}: ${result.failedPhase}${command} [${result.errorCode ?? ''}]`);
  }
  lines.push(`${label('timings')}: ${timingText(result)}`);
  if (result.certificate) {
    const cert = result.certificate;
    lines.push(
      `${label('certificate')}: ${cert.subject} / ${cert.issuer}; ${label('expires')} ${cert.validTo} (${label('daysLeft')} ${cert.daysLeft})`,
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
