// The text of a probe alert or all-clear, in Japanese and English, for SNS and the ops mail.
import type { LocalText } from '../diagnosis/reasons.ts';
import type { AlertDecision } from './alert-state.ts';
import { probeReportLines } from './report-text.ts';
import type { ProbeResult } from './types.ts';

export interface AlertMessage {
  /** English, ASCII, under 100 characters: SNS accepts nothing else as a subject. */
  subject: string;
  /** Both languages, for the mail's subject line. */
  subjectLocal: LocalText;
  body: LocalText;
}

type Sent = Exclude<AlertDecision, { kind: 'none' }>;

export function alertMessage(decision: Sent, result: ProbeResult): AlertMessage {
  const server = `${result.host}:${result.port}`;
  const what = result.variant ? `${result.outcome} (${result.variant})` : result.outcome;
  const subjectLocal: LocalText =
    decision.kind === 'all-clear'
      ? { ja: `[復旧] SMTP 送信確認: ${server} 正常`, en: `[RECOVERED] SMTP probe: ${server} ok` }
      : {
          ja: `[${result.severity}] SMTP 送信確認: ${server} ${what}`,
          en: `[${result.severity.toUpperCase()}] SMTP probe: ${server} ${what}`,
        };
  return {
    subject: asciiSubject(subjectLocal.en),
    subjectLocal,
    body: { ja: body(decision, result, 'ja'), en: body(decision, result, 'en') },
  };
}

function body(decision: Sent, result: ProbeResult, lang: keyof LocalText): string {
  return [lead(decision, lang), '', ...probeReportLines(result, lang)].join('\n');
}

function lead(decision: Sent, lang: keyof LocalText): string {
  if (decision.kind === 'all-clear') {
    const was = describe(decision.resolved);
    return lang === 'ja'
      ? `送信サーバーへのログインが再び成功しました。${decision.resolved.since} からの問題（${was}）は解消しています。`
      : `Logging in to the sending server works again. The problem since ${decision.resolved.since} (${was}) is over.`;
  }
  const before = decision.previous ? describe(decision.previous) : '';
  if (decision.why === 'worse' || decision.why === 'changed') {
    return lang === 'ja'
      ? `送信サーバーの状態が変わりました（これまで: ${before}）。`
      : `The sending server's state has changed (until now: ${before}).`;
  }
  return lang === 'ja'
    ? '送信サーバーの確認で問題が見つかりました。お客様のメールが送れない可能性があります。'
    : 'The probe of the sending server found a problem: customer mail may not be going out.';
}

function describe(alert: { outcome: string; variant?: string }): string {
  return alert.variant ? `${alert.outcome} (${alert.variant})` : alert.outcome;
}

function asciiSubject(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 99);
}
