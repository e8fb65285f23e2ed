// Probe advice for the sender check (MAIL FROM and RCPT TO after the login, then RSET; no mail sent): the
// sender or the recipient refused, a server that cannot take mail now or stops answering.
import type { ProbeAdviceKey } from '../../probe/types.ts';
import type { Advice } from '../reasons.ts';
import { KEEPS_CHECKING, timeout } from './timeout-advice.ts';

type SenderKey = Extract<
  ProbeAdviceKey,
  | `sender-refused:${string}`
  | `recipient-refused:${string}`
  | 'relay-unavailable'
  | 'reply-timeout:mail'
  | 'reply-timeout:rcpt'
  | 'reply-timeout:rset'
>;

export const SENDER_ADVICE: Readonly<Record<SenderKey, Advice>> = {
  'sender-refused:not-owned': {
    summary: {
      ja: 'ログインは成功しましたが、このユーザー（{user}）は {from} を送信者として送ることを許されていません（{replyCode}）。お客様への返信が送れません。',
      en: 'The login worked, but this user ({user}) may not send as {from} ({replyCode}): replies to customers cannot go out.',
    },
    remedy: {
      ja: 'メール管理者に、このログインで {from} から送れるよう設定を依頼してください（Postfix: smtpd_sender_login_maps、Microsoft 365: メールボックスや共有メールボックスの「送信者として送信」権限、Google: 「他のメールアドレスから送信」への追加）。または、そのアドレスを持つアカウントでログインするよう設定を変えてください。',
      en: 'Ask the mail administrator to let this login send as {from} (Postfix: smtpd_sender_login_maps; Microsoft 365: the Send As permission on the mailbox or shared mailbox; Google: add the address under "Send mail as"), or log in with the account that owns the address.',
    },
  },
  'sender-refused:domain-refused': {
    summary: {
      ja: 'サーバーが送信者 {from} のドメインを拒否しました（{replyCode}）。ドメインが DNS で見つからないか、このサーバーはそのドメインのメールを送りません。',
      en: 'The server refused the domain of the sender {from} ({replyCode}): it does not resolve in DNS, or this server does not send for it.',
    },
    remedy: {
      ja: '送信者アドレスの綴りと、そのドメインに DNS の設定（MX または A レコード）があるかを確認してください。正しい場合は、このサーバーからそのドメインで送れるかをメール管理者に確認してください。4xx の場合は一時的な DNS の障害の可能性があります。',
      en: 'Check the sender address for typos and that its domain has DNS records (MX or A). If it is right, ask the mail administrator whether this server may send for that domain. A 4xx may be a passing DNS fault.',
    },
  },
  'sender-refused:other': {
    summary: {
      ja: 'サーバーが送信者 {from} を拒否しました（{replyCode}）。',
      en: 'The server refused the sender {from} ({replyCode}).',
    },
    remedy: {
      ja: 'サーバーの応答文（replyText）を確認してください。アドレスの誤りか、サーバー側の方針による拒否です。送信者アドレスの設定（CLI: --from、Lambda: PROBE_MAIL_FROM）をメール管理者と確認してください。',
      en: 'Read the server’s reply (replyText): the address is misspelt, or a policy on the server refuses it. Check the sender setting (CLI --from, Lambda PROBE_MAIL_FROM) with the mail administrator.',
    },
  },
  'recipient-refused:relay-denied': {
    summary: {
      ja: 'ログインは成功しましたが、サーバーは {to} 宛てのメールを中継しません（{replyCode}、relay access denied）。',
      en: 'The login worked, but the server will not pass mail on to {to} ({replyCode}, relay access denied).',
    },
    remedy: {
      ja: '認証済みのユーザーには通常中継が許可されます。このログインが外部への送信を許されたアカウントか（一部のアカウントやネットワークにだけ中継を許すサーバーもあります）、送信用のポート（587/465）に接続しているか（受信用の 25 番ではないか）をメール管理者に確認してください。',
      en: 'Authenticated users are normally allowed to relay. Check with the mail administrator that this login is an account allowed to send out (some servers relay for certain accounts or networks only), and that this is the sending port (587/465), not port 25 for incoming mail.',
    },
  },
  'recipient-refused:other': {
    summary: {
      ja: 'サーバーが確認用の宛先 {to} を拒否しました（{replyCode}）。',
      en: 'The server refused the check recipient {to} ({replyCode}).',
    },
    remedy: {
      ja: 'サーバーの応答文（replyText）を確認してください。確認ではメールを送らないので、サーバーが受け付ける宛先（送信者自身のアドレスなど）を指定してください（CLI: --rcpt、Lambda: PROBE_RCPT_TO）。',
      en: 'Read the server’s reply (replyText). The check sends no mail: choose a recipient the server accepts, e.g. the sender’s own address (CLI --rcpt, Lambda PROBE_RCPT_TO).',
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
};

/** Added to the advice of a session whose sender check went through. */
export const ENVELOPE_ACCEPTED_NOTE: Advice = {
  summary: {
    ja: '送信者 {from} と宛先 {to} も受け付けられました（メールは送っていません）。',
    en: 'The server accepted {from} as the sender and {to} as the recipient (no mail was sent).',
  },
  remedy: { ja: '', en: '' },
};
