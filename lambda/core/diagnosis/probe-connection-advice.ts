// Probe advice for reaching the server: DNS, the connection, the greeting, TLS, and a server that does
// not speak SMTP.
import type { VariantKey } from '../probe/types.ts';
import type { Advice } from './reasons.ts';

type ConnectionKey = Exclude<
  VariantKey,
  | `auth-failed:${string}`
  | `auth-unavailable:${string}`
  | `reply-timeout:${string}`
  | `sender-refused:${string}`
  | `recipient-refused:${string}`
>;

export const PROBE_CONNECTION_ADVICE: Readonly<Record<ConnectionKey, Advice>> = {
  'dns-failed:not-found': {
    summary: {
      ja: 'ホスト名 {host} が DNS で見つかりません。',
      en: 'The host name {host} is not found in DNS.',
    },
    remedy: {
      ja: 'ホスト名の綴りを確認してください。プロバイダーの移行などでサーバー名が変わった可能性があります。メール管理者やプロバイダーの案内で現在の送信サーバー名を確認してください。',
      en: 'Check the spelling of the host name. The server may have been renamed (e.g. after a provider migration): confirm the current sending server name with the mail administrator or the provider.',
    },
  },
  'dns-failed:temporary': {
    summary: {
      ja: 'DNS の問い合わせが一時的に失敗しました（{host}）。',
      en: 'The DNS lookup of {host} failed temporarily.',
    },
    remedy: {
      ja: 'DNS サーバーの一時的な障害が考えられます。続く場合は、実行環境の DNS 設定（VPC の DNS 解決など）とドメインの DNS を確認してください。',
      en: 'Likely a passing DNS fault. If it persists, check the DNS settings where the probe runs (e.g. VPC DNS resolution) and the domain’s DNS.',
    },
  },
  'connect-timeout:tcp': {
    summary: {
      ja: 'サーバーへの接続が時間内に確立しませんでした（応答がありません）。',
      en: 'The connection to the server was not established in time (no answer).',
    },
    remedy: {
      ja: 'サーバーの停止か、途中のファイアウォールや接続元 IP アドレスの制限（許可リスト）で通信が破棄されています。送信元の IP（AWS Lambda なら NAT ゲートウェイの固定 IP など）がサーバーの許可リストにあるか、ホスト名とポートが正しいかをメール管理者に確認してください。',
      en: 'The server is down, or a firewall or an IP allow-list is dropping the traffic. Check with the mail administrator that the sending IP (for AWS Lambda, e.g. the NAT gateway’s fixed IP) is on the allow-list, and that the host name and port are right.',
    },
  },
  'connect-timeout:port-25': {
    summary: {
      ja: 'ポート 25 への接続が時間切れになりました。AWS Lambda（と多くのクラウド・プロバイダー）はポート 25 への通信を遮断しています。',
      en: 'The connection to port 25 timed out. AWS Lambda (and many clouds and ISPs) block outgoing port 25.',
    },
    remedy: {
      ja: '設定をポート 587（starttls）か 465（tls）に変更してください。ポート 25 はサーバー間の配送用で、認証付きの送信には使いません。',
      en: 'Change the configuration to port 587 (starttls) or 465 (tls). Port 25 is for server-to-server delivery, not authenticated sending.',
    },
  },
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
  'protocol-error:not-smtp': {
    summary: {
      ja: 'このポートの応答は SMTP ではありません（サーバーの応答欄は、サーバーが最初に送った 1 行です）。',
      en: 'The port answered with something other than SMTP (the server reply shown is the first line it sent).',
    },
    remedy: {
      ja: 'このポートでは別のサービスが動いています（IMAP・POP3・SSH・Web サーバーなどは最初の 1 行で名乗ります）。ホスト名とポート番号を確認してください。送信用は 587（starttls）か 465（tls）です。',
      en: 'Another service runs on this port (IMAP, POP3, SSH and web servers name themselves in their first line). Check the host and the port: 587 (starttls) or 465 (tls) for sending.',
    },
  },
  'protocol-error:closed': {
    summary: {
      ja: 'サーバーが応答を返さずに接続を切りました。',
      en: 'The server closed the connection without a reply.',
    },
    remedy: {
      ja: '接続数の制限、再起動中、または信頼しない接続元（許可リスト外・ブロックリスト掲載）の切断が考えられます。確認は続けます。続く場合はメール管理者に接続元 IP アドレスと時刻を伝えて確認してください。',
      en: 'The server may limit connections, be restarting, or drop clients it does not trust (an IP allow-list, a blocklist). The probe keeps checking; if it persists, give the mail administrator the sending IP and the time.',
    },
  },
  'protocol-error:unexpected-reply': {
    summary: {
      ja: 'サーバーがこの段階では想定外の応答（{replyCode}）を返しました。',
      en: 'The server gave a reply SMTP does not expect at this point ({replyCode}).',
    },
    remedy: {
      ja: 'サーバーの応答文（replyText）を添えてメール管理者に確認してください。ポート番号が送信用（587/465）かも確認してください。',
      en: 'Give the server’s reply (replyText) to the mail administrator, and check that the port is the sending port (587/465).',
    },
  },
  'protocol-error:other': {
    summary: {
      ja: 'プローブが想定していない理由で通信が途切れました。',
      en: 'The session broke off for a reason the probe does not recognise.',
    },
    remedy: {
      ja: 'エラーコード（errorCode）を添えて、ホスト名・ポート番号とともにメール管理者に確認してください。',
      en: 'Give the error code (errorCode) with the host and port to the mail administrator.',
    },
  },
};
