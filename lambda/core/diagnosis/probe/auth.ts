// Probe advice for logging in: each kind of AUTH refusal, a server that offers no way to log in, and
// one that stops answering the login.
import type { ProbeAdviceKey } from '../../probe/types.ts';
import type { Advice } from '../reasons.ts';
import { timeout } from './timeout-advice.ts';

type AuthKey = Extract<
  ProbeAdviceKey,
  `auth-failed:${string}` | `auth-unavailable:${string}` | 'reply-timeout:auth'
>;

export const AUTH_ADVICE: Readonly<Record<AuthKey, Advice>> = {
  'auth-failed:bad-credentials': {
    summary: {
      ja: 'ユーザー名またはパスワードが違います（535 5.7.8）。',
      en: 'The user name or the password is wrong (535 5.7.8).',
    },
    remedy: {
      ja: 'メール管理者がパスワードを変更していないか確認し、新しいパスワードを Secrets Manager（CLI では SMTP_PASSWORD）に設定してください。ユーザー名は多くの場合メールアドレス全体です。アカウントがロック・停止されていないかも確認してください。',
      en: 'Ask whether the mail administrator changed the password, and put the new one in Secrets Manager (SMTP_PASSWORD for the CLI). The user name is often the whole mail address. Also check that the account is not locked or disabled.',
    },
  },
  'auth-failed:basic-auth-blocked': {
    summary: {
      ja: 'Microsoft 365 が認証を拒否しました（535 5.7.3）。パスワードの誤りか、このアカウントで SMTP AUTH（基本認証）が許可されていません。',
      en: 'Microsoft 365 refused the login (535 5.7.3): a wrong password, or SMTP AUTH (basic authentication) is not allowed for this account.',
    },
    remedy: {
      ja: 'まずパスワードを確認してください。正しい場合は Microsoft 365 管理者に、このメールボックスの「認証済み SMTP」の有効化と、セキュリティの既定値・条件付きアクセスで SMTP AUTH がブロックされていないかの確認を依頼してください。',
      en: 'Check the password first. If it is right, ask the Microsoft 365 administrator to enable "Authenticated SMTP" for this mailbox and to check that security defaults or conditional access do not block SMTP AUTH.',
    },
  },
  'auth-failed:smtp-auth-disabled': {
    summary: {
      ja: 'Microsoft 365 のテナント（またはこのユーザー）で SMTP AUTH が無効になっています（535 5.7.139）。',
      en: 'SMTP AUTH is disabled for the Microsoft 365 tenant or this user (535 5.7.139).',
    },
    remedy: {
      ja: 'パスワードの問題ではありません。Microsoft 365 管理者に、このメールボックスの「認証済み SMTP」を有効にするよう依頼してください（Exchange Online PowerShell: Set-CASMailbox -SmtpClientAuthenticationDisabled $false）。セキュリティの既定値が有効なテナントでは使えません。',
      en: 'This is not a password problem. Ask the Microsoft 365 administrator to enable "Authenticated SMTP" for this mailbox (Exchange Online PowerShell: Set-CASMailbox -SmtpClientAuthenticationDisabled $false). It does not work while security defaults are on for the tenant.',
    },
  },
  'auth-failed:app-password-required': {
    summary: {
      ja: 'アプリパスワードが必要です（534 5.7.9）。2 段階認証が有効なアカウントは通常のパスワードではログインできません。',
      en: 'An app password is required (534 5.7.9): an account with 2-step verification cannot log in with its normal password.',
    },
    remedy: {
      ja: 'アカウントの設定（Google なら「アプリ パスワード」）で送信用のアプリパスワードを発行し、Secrets Manager（CLI では SMTP_PASSWORD）に設定してください。',
      en: 'Create an app password for sending in the account settings (Google: "App passwords") and put it in Secrets Manager (SMTP_PASSWORD for the CLI).',
    },
  },
  'auth-failed:auth-required': {
    summary: {
      ja: 'サーバーが認証を要求しました（530）。ログインできていないか、暗号化の前の認証を拒否しています。',
      en: 'The server demands authentication (530): the login did not happen, or the server refuses it before encryption.',
    },
    remedy: {
      ja: 'ユーザー名が設定されているか、暗号化方式が正しいか（多くのサーバーは STARTTLS の後でないと AUTH を受け付けません）を確認してください。',
      en: 'Check that a user name is configured and that the security setting is right (many servers accept AUTH only after STARTTLS).',
    },
  },
  'auth-failed:temporary': {
    summary: {
      ja: '認証が一時的に失敗しました（4xx）。',
      en: 'The login failed temporarily (4xx).',
    },
    remedy: {
      ja: 'サーバー側の一時的な障害や、ログイン試行回数の制限が考えられます。続けて確認し、続く場合はプロバイダーに状況を問い合わせてください。',
      en: 'A passing fault on the server or a limit on login attempts. The probe keeps checking; ask the provider if it persists.',
    },
  },
  'auth-failed:other': {
    summary: {
      ja: 'サーバーがログインを拒否しました。',
      en: 'The server refused the login.',
    },
    remedy: {
      ja: 'サーバーの応答文（replyText）を確認し、ユーザー名・パスワード・認証方式（plain/login）をメール管理者に確認してください。',
      en: 'Read the server’s reply (replyText) and check the user name, the password and the method (plain/login) with the mail administrator.',
    },
  },
  'auth-unavailable:not-advertised': {
    summary: {
      ja: 'サーバーが認証（AUTH）を提供していません。ログインを確かめられないため、正常とは判定しません。',
      en: 'The server offers no authentication (AUTH). The login could not be checked, so this is not reported as OK.',
    },
    remedy: {
      ja: '送信用のサーバーとポート（587/465）に接続しているか、暗号化方式が正しいかを確認してください（多くのサーバーは TLS の後でのみ AUTH を示します）。IP アドレスで中継を許可する構成なら、メール管理者に認証の有効化を相談してください。',
      en: 'Check that this is the sending server and port (587/465) and that the security setting is right (many servers offer AUTH only after TLS). If the server relays by IP address instead, discuss enabling authentication with the mail administrator.',
    },
  },
  'auth-unavailable:needs-tls': {
    summary: {
      ja: 'サーバーは STARTTLS の後でしかログイン（AUTH）を受け付けませんが、暗号化なし（none）が設定されています。',
      en: 'The server takes logins only after STARTTLS, and the security setting is none.',
    },
    remedy: {
      ja: '暗号化方式を starttls（ポート 587）か tls（ポート 465）に変更してください。サーバーが AUTH を示すようになり、パスワードも平文でネットワークを流れなくなります。',
      en: 'Set the security to starttls (port 587) or tls (port 465): the server then offers AUTH, and the password no longer crosses the network in clear text.',
    },
  },
  'auth-unavailable:no-common-mechanism': {
    summary: {
      ja: 'サーバーが示す認証方式（{mechanisms}）に、設定した方式（{method}）がありません。',
      en: 'The server offers {mechanisms}, not the configured method ({method}).',
    },
    remedy: {
      ja: '認証方式の設定（plain/login）をサーバーが示す方式に合わせてください。CRAM-MD5 や XOAUTH2 だけの場合は、プロバイダーの案内を確認してください。',
      en: 'Set the method (plain/login) to one the server offers. If it offers only CRAM-MD5 or XOAUTH2, see the provider’s instructions.',
    },
  },
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
};
