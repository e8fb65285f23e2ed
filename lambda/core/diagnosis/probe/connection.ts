// Probe advice for reaching the server and the session as a whole: DNS, the connection, a server that
// does not speak SMTP, a slow session, the QUIT at its end, and a configuration on port 25.
import type { ConfigWarning, ProbeAdviceKey } from '../../probe/types.ts';
import type { Advice } from '../reasons.ts';
import { timeout } from './timeout-advice.ts';

type ConnectionKey = Extract<
  ProbeAdviceKey,
  | 'ok'
  | `dns-failed:${string}`
  | 'connection-refused'
  | 'connect-timeout:tcp'
  | 'connect-timeout:port-25'
  | `protocol-error:${string}`
  | 'slow'
  | 'reply-timeout:quit'
>;

export const CONNECTION_ADVICE: Readonly<Record<ConnectionKey, Advice>> = {
  ok: {
    summary: {
      ja: '接続・暗号化・ログインまで正常に完了しました。',
      en: 'Connection, encryption and login all succeeded.',
    },
    remedy: { ja: '対応は不要です。', en: 'Nothing to do.' },
  },
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

export const CONNECTION_WARNING_ADVICE: Readonly<Record<Extract<ConfigWarning, 'port-25'>, Advice>> = {
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
};
