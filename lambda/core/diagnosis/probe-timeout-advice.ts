// Probe advice for a server that stops answering once the connection is up, one entry per phase.
import type { ReplyPhase } from '../probe/types.ts';
import type { Advice, LocalText } from './reasons.ts';

const waited: LocalText = {
  ja: '（時間切れ {timeoutMs} ミリ秒、{phaseMs} ミリ秒待機）',
  en: ' (time-out {timeoutMs} ms; waited {phaseMs} ms)',
};

function timeout(summary: LocalText, remedy: LocalText): Advice {
  return { summary: { ja: `${summary.ja}${waited.ja}。`, en: `${summary.en}${waited.en}.` }, remedy };
}

const KEEPS_CHECKING: LocalText = {
  ja: '確認は続けます。続く場合はメール管理者かプロバイダーに問い合わせてください。',
  en: 'The probe keeps checking; if it persists, ask the mail administrator or the provider.',
};

export const PROBE_TIMEOUT_ADVICE: Readonly<Record<`reply-timeout:${ReplyPhase}`, Advice>> = {
  'reply-timeout:tls': timeout(
    {
      ja: 'TLS の接続（最初から TLS）が時間内に完了しませんでした',
      en: 'The TLS handshake (TLS from the start) did not finish in time',
    },
    {
      ja: '暗号化方式とポートの組み合わせを確認してください（465 は tls、587 は starttls）。別のサービスや暗号化なしの SMTP が応答を待っている可能性があります。組み合わせが正しければ、サーバーか途中の機器（プロキシ・ウイルス対策）が接続を止めています。',
      en: 'Check that the security setting matches the port (465 is tls, 587 is starttls): a plain SMTP server or another service may be waiting for the client to speak. If they match, the server or something in between (a proxy, antivirus) holds the connection.',
    },
  ),
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
  'reply-timeout:starttls': timeout(
    {
      ja: '暗号化への切り替え（STARTTLS とその TLS 接続）が時間内に完了しませんでした',
      en: 'The switch to TLS (STARTTLS and its handshake) did not finish in time',
    },
    {
      ja: 'パスワードは送っていません。SMTP を検査するファイアウォールやプロキシが STARTTLS を妨げているか、サーバーが過負荷です。ネットワーク管理者かメール管理者に確認してください。',
      en: 'The password was not sent. A firewall or proxy that inspects SMTP may be blocking STARTTLS, or the server is overloaded: ask the network or mail administrator.',
    },
  ),
  'reply-timeout:auth': timeout(
    {
      ja: 'サーバーがログイン（AUTH）に時間内に応答しませんでした',
      en: 'The server did not answer the login (AUTH) in time',
    },
    {
      ja: '多くのサーバーは誤ったパスワードへの応答をわざと遅らせます（Dovecot は 2 秒、失敗が続くとさらに長く）。まずパスワードを確認してください。正しい場合は、サーバーの認証基盤（LDAP・データベースなど）が遅くなっています。メール管理者に確認するか、時間切れの設定（CLI: --timeout、Lambda: PROBE_TIMEOUT_MS）を長くしてください。',
      en: 'Servers delay their answer to a wrong password on purpose (Dovecot waits 2 seconds, longer after repeated failures): check the password first. If it is right, the server’s login backend (LDAP, a database) is slow: ask the mail administrator, or raise the time-out (CLI --timeout, Lambda PROBE_TIMEOUT_MS).',
    },
  ),
  'reply-timeout:mail': timeout(
    {
      ja: 'ログインは成功しましたが、サーバーが MAIL FROM（送信者 {from}）に時間内に応答しませんでした',
      en: 'The login worked, but the server did not answer MAIL FROM (sender {from}) in time',
    },
    {
      ja: `サーバーは応答の前に送信者を確認します（ドメインの DNS、中継先のサーバーなど）。そのどれかが止まっています。${KEEPS_CHECKING.ja}`,
      en: `The server checks the sender before it answers (its domain’s DNS, the server it relays through); one of those checks hangs. ${KEEPS_CHECKING.en}`,
    },
  ),
  'reply-timeout:rcpt': timeout(
    {
      ja: 'ログインと MAIL FROM は成功しましたが、サーバーが RCPT TO（宛先 {to}）に時間内に応答しませんでした',
      en: 'The login and MAIL FROM worked, but the server did not answer RCPT TO (recipient {to}) in time',
    },
    {
      ja: `サーバーは応答の前に宛先と送信者を確認します（DNS、アドレスの一覧、中継先のサーバーなど）。そのどれかが止まっています。${KEEPS_CHECKING.ja}`,
      en: `The server checks the recipient and the sender before it answers (DNS lookups, address lists, the server it relays through); one of those checks hangs. ${KEEPS_CHECKING.en}`,
    },
  ),
  'reply-timeout:rset': timeout(
    {
      ja: 'ログインと送信者の確認は成功しましたが、サーバーが RSET に時間内に応答しませんでした',
      en: 'The login and the sender check worked, but the server did not answer RSET in time',
    },
    {
      ja: `サーバーが途中で応答しなくなりました。過負荷が考えられます。${KEEPS_CHECKING.ja}`,
      en: `The server stopped answering midway, most likely overloaded. ${KEEPS_CHECKING.en}`,
    },
  ),
  'reply-timeout:quit': timeout(
    {
      ja: 'ログイン（と送信者の確認）は成功しましたが、サーバーが QUIT に時間内に応答しませんでした',
      en: 'The login (and the sender check) worked, but the server did not answer QUIT in time',
    },
    {
      ja: 'メールの送信はおそらくできます。一度だけなら問題ありません。続く場合はサーバーの過負荷が考えられるので、メール管理者に確認してください。',
      en: 'Mail most likely still goes out, and once is harmless. If it persists, the server is overloaded: ask the mail administrator.',
    },
  ),
};
