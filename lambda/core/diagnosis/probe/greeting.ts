// Probe advice for the server's greeting and its answer to EHLO: no greeting, a refusing banner, no
// answer to EHLO.
import type { ProbeAdviceKey } from '../../probe/types.ts';
import type { Advice } from '../reasons.ts';
import { KEEPS_CHECKING, timeout } from './timeout-advice.ts';

type GreetingKey = Extract<
  ProbeAdviceKey,
  'connect-timeout:no-greeting' | `greeting-rejected:${string}` | 'reply-timeout:ehlo'
>;

export const GREETING_ADVICE: Readonly<Record<GreetingKey, Advice>> = {
  'connect-timeout:no-greeting': {
    summary: {
      ja: '接続はできましたが、サーバーが最初の応答（220 の挨拶）を返しませんでした。',
      en: 'The connection opened, but the server never sent its greeting (220).',
    },
    remedy: {
      ja: '暗号化方式とポートの組み合わせを確認してください。465 は tls（最初から TLS）、587 は starttls です。465 に starttls で接続すると挨拶は届きません。組み合わせが正しければ、サーバーの過負荷か、途中の機器（プロキシ・ウイルス対策）が通信を止めています。',
      en: 'Check that the security setting matches the port: 465 is tls (TLS from the start), 587 is starttls; starttls on port 465 never gets a greeting. If they match, the server is overloaded or something in between (a proxy, antivirus) holds the connection.',
    },
  },
  'greeting-rejected:temporary': {
    summary: {
      ja: 'サーバーが接続直後に一時的な拒否（421）を返しました。',
      en: 'The server turned the connection away temporarily right after connecting (421).',
    },
    remedy: {
      ja: 'サーバーの混雑、同時接続数の制限、メンテナンスなどが考えられます。続けて確認し、続く場合はプロバイダーに状況を問い合わせてください。',
      en: 'The server may be busy, limiting concurrent connections, or under maintenance. The probe keeps checking; ask the provider if it persists.',
    },
  },
  'greeting-rejected:permanent': {
    summary: {
      ja: 'サーバーが接続を拒否しました（{replyCode}）。接続元がブロックされている可能性があります。',
      en: 'The server rejected the connection ({replyCode}); this sender may be blocked.',
    },
    remedy: {
      ja: 'サーバーの応答文（replyText）を確認してください。接続元 IP アドレスがブロックリストに載っているか、許可リストにないことが多いです。送信元 IP を許可してもらうよう、メール管理者・プロバイダーに依頼してください。',
      en: 'Read the server’s reply (replyText). Most often the sending IP is on a blocklist or missing from the allow-list: ask the mail administrator or the provider to allow it.',
    },
  },
  'reply-timeout:ehlo': timeout(
    {
      ja: 'サーバーは挨拶（220）を返しましたが、EHLO に時間内に応答しませんでした',
      en: 'The server greeted, then did not answer EHLO in time',
    },
    {
      ja: `サーバーの過負荷か、途中のフィルター（プロキシ・ウイルス対策・侵入防止装置）が挨拶の後で通信を止めています。${KEEPS_CHECKING.ja}`,
      en: `The server is overloaded, or a filter in between (a proxy, antivirus, an intrusion prevention system) holds the session after the greeting. ${KEEPS_CHECKING.en}`,
    },
  ),
};
