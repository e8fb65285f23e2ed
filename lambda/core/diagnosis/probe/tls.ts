// Probe advice for encryption: STARTTLS refused, a certificate that does not check out or soon expires,
// a handshake that does not finish, and a configuration without TLS.
import type { ConfigWarning, ProbeAdviceKey } from '../../probe/types.ts';
import type { Advice } from '../reasons.ts';
import { timeout } from './timeout-advice.ts';

type TlsKey = Extract<
  ProbeAdviceKey,
  | 'starttls-unavailable'
  | `tls-failed:${string}`
  | 'certificate-expiring'
  | 'reply-timeout:tls'
  | 'reply-timeout:starttls'
>;

export const TLS_ADVICE: Readonly<Record<TlsKey, Advice>> = {
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
  'tls-failed:expired': {
    summary: {
      ja: 'サーバーの証明書の有効期限が切れています（{validTo}）。',
      en: "The server's certificate has expired ({validTo}).",
    },
    remedy: {
      ja: 'メールサーバーの管理者に証明書の更新を依頼してください。更新されるまで、証明書を検証するシステムやメールソフトからは送信できません。',
      en: "Ask the mail server's administrator to renew the certificate. Until then, systems and mail clients that check certificates cannot send.",
    },
  },
  'tls-failed:not-yet-valid': {
    summary: {
      ja: 'サーバーの証明書がまだ有効期間に入っていません（{validFrom} から有効）。',
      en: "The server's certificate is not valid yet (valid from {validFrom}).",
    },
    remedy: {
      ja: 'サーバーか実行環境の時計のずれ、または早すぎる証明書の入れ替えが考えられます。メールサーバーの管理者に確認してください。',
      en: "A clock is wrong (the server's or the probe's), or the certificate was swapped in too early. Ask the mail server's administrator.",
    },
  },
  'tls-failed:untrusted': {
    summary: {
      ja: 'サーバーの証明書を信頼できません（自己署名、または中間証明書の不足）。',
      en: "The server's certificate is not trusted (self-signed, or the intermediate certificate is missing).",
    },
    remedy: {
      ja: '公的な認証局の証明書と中間証明書（チェーン）を正しく設定するよう、メールサーバーの管理者に依頼してください。社内 CA の証明書なら、その CA をプローブの信頼先に加えてください（CLI: --ca-file、Lambda: PROBE_CA_PEM）。',
      en: "Ask the mail server's administrator to install a certificate from a public authority with its intermediate chain. For a company CA, add that CA to the probe's trusted list (CLI: --ca-file, Lambda: PROBE_CA_PEM).",
    },
  },
  'tls-failed:wrong-host': {
    summary: {
      ja: '証明書が接続先のホスト名 {host} 用ではありません。',
      en: 'The certificate is not for the host name {host}.',
    },
    remedy: {
      ja: '証明書に記載された名前（subject / subjectAltNames）でサーバーを指定してください。ホスト名が変わったか、別サーバーの証明書が設定されている可能性があります。メール管理者に確認してください。',
      en: 'Use the name written in the certificate (subject / subjectAltNames). The host may have been renamed, or another server’s certificate installed: ask the mail administrator.',
    },
  },
  'tls-failed:handshake': {
    summary: {
      ja: 'TLS の接続（ハンドシェイク）に失敗しました。',
      en: 'The TLS handshake failed.',
    },
    remedy: {
      ja: '暗号化方式とポートの組み合わせを確認してください（465 は tls、587 は starttls）。組み合わせが正しければ、サーバーが古い TLS バージョンや暗号方式にしか対応していない可能性があります。メール管理者に確認してください。',
      en: 'Check that the security setting matches the port (465 is tls, 587 is starttls). If it does, the server may support only old TLS versions or ciphers: ask the mail administrator.',
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
};

export const TLS_WARNING_ADVICE: Readonly<Record<Extract<ConfigWarning, 'no-tls'>, Advice>> = {
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
