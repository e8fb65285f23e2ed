// The advice of a server that stops answering in a phase: its summary ends with the time-out and the
// time waited.
import type { Advice, LocalText } from '../reasons.ts';

const waited: LocalText = {
  ja: '（時間切れ {timeoutMs} ミリ秒、{phaseMs} ミリ秒待機）',
  en: ' (time-out {timeoutMs} ms; waited {phaseMs} ms)',
};

export function timeout(summary: LocalText, remedy: LocalText): Advice {
  return { summary: { ja: `${summary.ja}${waited.ja}。`, en: `${summary.en}${waited.en}.` }, remedy };
}

export const KEEPS_CHECKING: LocalText = {
  ja: '確認は続けます。続く場合はメール管理者かプロバイダーに問い合わせてください。',
  en: 'The probe keeps checking; if it persists, ask the mail administrator or the provider.',
};
