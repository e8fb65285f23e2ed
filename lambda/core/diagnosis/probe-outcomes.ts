// What each SMTP probe outcome means and what an operator should do, in Japanese and English.
// `{name}` placeholders are filled from the result (see probe/interpret.ts).
import type { ConfigWarning, PlainOutcome, ProbeAdviceKey } from '../probe/types.ts';
import { PROBE_AUTH_ADVICE } from './probe-auth-advice.ts';
import { PROBE_CONNECTION_ADVICE } from './probe-connection-advice.ts';
import { PROBE_SENDING_ADVICE } from './probe-sending-advice.ts';
import { PROBE_TIMEOUT_ADVICE } from './probe-timeout-advice.ts';
import type { Advice } from './reasons.ts';

const PLAIN_OUTCOME_ADVICE: Readonly<Record<PlainOutcome, Advice>> = {
  ok: {
    summary: {
      ja: '接続・暗号化・ログインまで正常に完了しました。',
      en: 'Connection, encryption and login all succeeded.',
    },
    remedy: { ja: '対応は不要です。', en: 'Nothing to do.' },
  },
  'connection-refused': {
    summary: {
      ja: 'メールサーバーが接続を拒否しました（そのポートで待ち受けていません）。',
      en: 'The mail server refused the connection (nothing is listening on that port).',
    },
    remedy: {
      ja: 'ホスト名とポート番号（送信用は通常 587 または 465）が正しいか、メールサーバーが停止していないかを確認してください。サーバー側のファイアウォールや接続元 IP アドレスの制限（許可リスト）で拒否されている場合もあります。メール管理者・プロバイダーに確認してください。',
      en: 'Check the host name and the port (587 or 465 for sending) and whether the mail server is down. A firewall or an IP allow-list on the server side may also be refusing this sender. Ask the mail administrator or the provider.',
    },
  },
  'starttls-unavailable': {
    summary: {
      ja: 'サーバーが STARTTLS（暗号化への切り替え）に応じませんでした。',
      en: 'The server did not accept STARTTLS (the switch to encryption).',
    },
    remedy: {
      ja: 'パスワードを平文で送らないよう、ここで中止しました。ポート番号が正しいか（587 は starttls、465 は tls）を確認し、サーバー側で STARTTLS を有効にしてもらうか、465 番ポートの tls を使ってください。',
      en: 'The probe stopped here so as not to send the password unencrypted. Check the port (587 is starttls, 465 is tls); have STARTTLS enabled on the server, or use port 465 with tls.',
    },
  },
  'certificate-expiring': {
    summary: {
      ja: 'サーバーの証明書があと {days} 日で期限切れになります（{validTo}）。',
      en: "The server's certificate expires in {days} days ({validTo}).",
    },
    remedy: {
      ja: '期限が切れると、証明書を検証するシステムやメールソフトから送信できなくなります。メールサーバーの管理者に証明書の更新を依頼し、自動更新（Let’s Encrypt など）が止まっていないかも確認してください。',
      en: "Once it expires, systems and mail clients that check certificates can no longer send. Ask the mail server's administrator to renew it, and check that automatic renewal (e.g. Let's Encrypt) has not stopped.",
    },
  },
  slow: {
    summary: {
      ja: 'ログイン（送信者の確認があればその RCPT TO）までに {totalMs} ミリ秒かかりました（しきい値 {slowMs} ミリ秒）。送信はできますが遅延しています。',
      en: 'Getting to the login (or to RCPT TO with the sender check) took {totalMs} ms (threshold {slowMs} ms). Sending works, but slowly.',
    },
    remedy: {
      ja: 'サーバーの混雑、ネットワークの遅延、DNS の遅さが考えられます。フェーズ別の時間（timings）で遅い段階を確認し、続く場合はプロバイダーに状況を問い合わせてください。送信処理のタイムアウト設定に余裕があるかも確認してください。',
      en: 'The server may be busy, or the network or DNS slow. See which phase is slow in the timings and ask the provider if it persists. Check that the sending application’s time-outs leave room for it.',
    },
  },
  'relay-unavailable': {
    summary: {
      ja: 'ログインは成功しましたが、サーバーが今はメールを受け付けられないと答えました（{command} に {replyCode}）。',
      en: 'The login worked, but the server cannot take mail just now ({replyCode} to {command}).',
    },
    remedy: {
      ja: 'ログイン後の一時的な拒否です。サーバーが中継先のサーバーに接続できない（Dovecot の submission なら “Failed to connect to relay server”）、過負荷、または停止中です。確認は続けます。続く場合はメール管理者かプロバイダーに問い合わせてください。直るまでメールは送れません。',
      en: 'A temporary refusal after the login: the server cannot reach the server it relays through (Dovecot submission says "Failed to connect to relay server"), or it is overloaded or shutting down. The probe keeps checking; if it persists, ask the mail administrator or the provider: until it is fixed no mail goes out.',
    },
  },
};

/** Added to the advice of a session whose sender check went through. */
export const ENVELOPE_ACCEPTED_NOTE: Advice = {
  summary: {
    ja: '送信者 {from} と宛先 {to} も受け付けられました（メールは送っていません）。',
    en: 'The server accepted {from} as the sender and {to} as the recipient (no mail was sent).',
  },
  remedy: { ja: '', en: '' },
};

export const CONFIG_WARNING_ADVICE: Readonly<Record<ConfigWarning, Advice>> = {
  'port-25': {
    summary: {
      ja: 'ポート 25 が設定されています。AWS Lambda（と多くのクラウド・プロバイダー）からはポート 25 に接続できません。',
      en: 'Port 25 is configured. AWS Lambda (and many clouds and ISPs) cannot connect to port 25.',
    },
    remedy: {
      ja: '認証付きの送信にはポート 587（starttls）か 465（tls）を使ってください。ポート 25 はサーバー間の配送用です。',
      en: 'Use port 587 (starttls) or 465 (tls) for authenticated sending; port 25 is for server-to-server delivery.',
    },
  },
  'no-tls': {
    summary: {
      ja: '暗号化なし（none）が設定されています。パスワードが平文でネットワークを流れます。',
      en: 'No encryption (none) is configured: the password crosses the network in clear text.',
    },
    remedy: {
      ja: 'starttls（587）か tls（465）に変更してください。',
      en: 'Switch to starttls (587) or tls (465).',
    },
  },
};

export const PROBE_ADVICE: Readonly<Record<ProbeAdviceKey, Advice>> = {
  ...PLAIN_OUTCOME_ADVICE,
  ...PROBE_AUTH_ADVICE,
  ...PROBE_CONNECTION_ADVICE,
  ...PROBE_TIMEOUT_ADVICE,
  ...PROBE_SENDING_ADVICE,
};
