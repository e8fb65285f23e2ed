// What each bounce reason means and what a support person should do, in Japanese and English.
import type { Reason } from '../types.ts';

export interface LocalText {
  ja: string;
  en: string;
}

/** The languages the catalogue speaks: what the CLI's --lang and the probe's reports choose from. */
export type Lang = keyof LocalText;

export interface Advice {
  summary: LocalText;
  remedy: LocalText;
}

export const REASON_ADVICE: Readonly<Record<Reason, Advice>> = {
  userunknown: {
    summary: {
      ja: '宛先のメールアドレスが存在しません（ユーザー不明）。',
      en: 'The recipient address does not exist (unknown user).',
    },
    remedy: {
      ja: 'アドレスの綴り（@の前後、ドット、ハイフン）をお客様に確認し、正しいアドレスで再送してください。退職・解約などで廃止された可能性もあります。',
      en: 'Check the spelling of the address with the customer (before and after the @, dots, hyphens) and resend to the correct address. The address may also have been closed (the person left or cancelled).',
    },
  },
  hostunknown: {
    summary: {
      ja: '宛先のドメイン（@より後ろ）が存在しません。',
      en: 'The domain of the recipient address (after the @) does not exist.',
    },
    remedy: {
      ja: '@より後ろの綴り（例: gmail.com と gmial.com）をお客様に確認してください。会社のドメインが変わった可能性もあります。',
      en: 'Check the part after the @ with the customer (e.g. gmail.com, not gmial.com). The company may also have changed its domain.',
    },
  },
  hasmoved: {
    summary: {
      ja: '宛先のメールボックスは移転しており、転送されていません。',
      en: 'The recipient mailbox has moved and mail is not forwarded.',
    },
    remedy: {
      ja: 'お客様の新しいメールアドレスを確認し、そちらへ再送してください。',
      en: 'Ask the customer for their new address and resend there.',
    },
  },
  suspend: {
    summary: {
      ja: '宛先のアカウントが停止・無効化されています。',
      en: "The recipient's account is suspended or disabled.",
    },
    remedy: {
      ja: 'お客様のアカウントが休止中の可能性があります。電話など別の手段で連絡し、有効なアドレスを確認してください。',
      en: "The customer's account may be inactive. Reach them another way (phone, another address) and confirm an address that works.",
    },
  },
  notaccept: {
    summary: {
      ja: '宛先のドメインはメールを一切受け付けていません。',
      en: 'The recipient domain does not accept mail at all.',
    },
    remedy: {
      ja: 'このドメインにはメールを送れません。お客様に別のメールアドレスを確認してください。',
      en: 'Mail cannot be delivered to this domain. Ask the customer for another address.',
    },
  },
  mailboxfull: {
    summary: {
      ja: '宛先のメールボックスが容量いっぱいです。',
      en: "The recipient's mailbox is full.",
    },
    remedy: {
      ja: '受信者側で不要なメールを削除して容量を空ける必要があります。時間をおいて再送するか、添付ファイルを小さくして再送してください。',
      en: 'The recipient must make room by deleting mail. Resend later, or resend with smaller attachments.',
    },
  },
  exceedlimit: {
    summary: {
      ja: 'メールが受信側の制限（1通あたりのサイズなど）を超えました。',
      en: "The message exceeded a limit of the recipient's server (such as the size of one message).",
    },
    remedy: {
      ja: '添付ファイルを小さくするか分割してください。10〜15MB程度までなら多くのサーバーで届きます。大きなファイルは共有リンクで送ってください。',
      en: 'Shrink or split the attachments; 10–15 MB usually passes. Send large files as a sharing link.',
    },
  },
  mesgtoobig: {
    summary: {
      ja: 'メールのサイズが大きすぎて受信側で拒否されました。',
      en: 'The message is too large for the receiving server.',
    },
    remedy: {
      ja: '添付ファイルを圧縮・分割して小さくしてください。10〜15MB程度までなら多くのサーバーで届きます。大きなファイルは共有リンクで送ってください。',
      en: 'Compress or split the attachments; 10–15 MB usually passes. Send large files as a sharing link.',
    },
  },
  filtered: {
    summary: {
      ja: '本文送信後に受信側のフィルタで拒否されました。',
      en: "The receiving side's filter refused the message after it was sent.",
    },
    remedy: {
      ja: 'お客様に、当社ドメインからのメールを受信許可（ホワイトリスト）に入れてもらうよう依頼してください。内容や添付が原因の場合もあります。',
      en: 'Ask the customer to allow (whitelist) our sending domain. The content or an attachment may also be the cause.',
    },
  },
  blocked: {
    summary: {
      ja: '送信元サーバーのIPアドレスまたはホスト名が受信側で拒否されました（ブロックリスト掲載の可能性）。',
      en: "The receiving side refused the sending server's IP address or host name (it may be on a blocklist).",
    },
    remedy: {
      ja: '送信サーバーがブロックリストに載っている可能性があります。SMTPサーバーの管理者・プロバイダに連絡し、解除申請を依頼してください。',
      en: 'The sending server may be on a blocklist. Ask the SMTP server administrator or provider to get it delisted.',
    },
  },
  badreputation: {
    summary: {
      ja: '送信元IPアドレスの評価（レピュテーション）が低いため拒否されました。',
      en: "Refused because of the sending IP address's reputation.",
    },
    remedy: {
      ja: 'SMTPサーバーの管理者・プロバイダに連絡し、送信IPの評価改善（迷惑メール送信の有無の確認、認証設定）を依頼してください。',
      en: "Ask the SMTP server administrator or provider to improve the sending IP's reputation (check for spam sent from it, authentication settings).",
    },
  },
  spamdetected: {
    summary: {
      ja: '受信側の迷惑メールフィルタにより拒否されました。',
      en: "The receiving side's spam filter refused the message.",
    },
    remedy: {
      ja: '件名・本文・リンク・添付を見直し、広告的な表現や短縮URLを避けて再送してください。お客様に当社ドメインの受信許可を依頼するのも有効です。',
      en: 'Review the subject, text, links and attachments; avoid advertising wording and URL shorteners, then resend. Asking the customer to allow our domain also helps.',
    },
  },
  virusdetected: {
    summary: {
      ja: '受信側のウイルス対策でメールが拒否されました。',
      en: "The receiving side's virus scanner refused the message.",
    },
    remedy: {
      ja: '添付ファイルをウイルス検査してください。実行ファイルやマクロ付き文書は共有リンクなど別の方法で送ってください。',
      en: 'Scan the attachments for viruses. Send executables and documents with macros another way (a sharing link).',
    },
  },
  policyviolation: {
    summary: {
      ja: '受信側のポリシーによりメールが拒否されました。',
      en: 'The message was refused by a policy of the receiving side.',
    },
    remedy: {
      ja: 'エラー文言を確認し、禁止された添付形式や内容がないか見直してください。解決しない場合は受信側の管理者に確認が必要です。',
      en: "Read the server's words, and check for attachment types or content the receiver forbids. Otherwise the receiver's administrator must be asked.",
    },
  },
  rejected: {
    summary: {
      ja: '送信元アドレス（エンベロープFrom）またはそのドメインが受信側で拒否されました。',
      en: "The sender's address (envelope from) or its domain was refused.",
    },
    remedy: {
      ja: '送信元アドレスとドメインの設定（存在するアドレスか、DNS設定）をSMTPサーバーの管理者に確認してください。',
      en: "Ask the SMTP server administrator to check the sender's address and domain (that it exists, its DNS records).",
    },
  },
  requireptr: {
    summary: {
      ja: '送信元IPアドレスに逆引き（PTR）レコードがないため拒否されました。',
      en: 'Refused because the sending IP address has no valid reverse DNS (PTR) record.',
    },
    remedy: {
      ja: 'SMTPサーバーの管理者・プロバイダに、送信IPの逆引きDNS（PTR）を設定するよう依頼してください。',
      en: 'Ask the SMTP server administrator or provider to set a reverse DNS (PTR) record for the sending IP.',
    },
  },
  speeding: {
    summary: {
      ja: '短時間に送りすぎたため、受信側で一時的に制限されました。',
      en: 'The receiving side limited the sending rate: too much mail in a short time.',
    },
    remedy: {
      ja: '時間をおいて再送してください。一斉送信の場合は送信間隔をあけてください。',
      en: 'Resend later. For bulk sending, spread the messages out over time.',
    },
  },
  toomanyconn: {
    summary: {
      ja: '送信サーバーからの同時接続が多すぎるため拒否されました。',
      en: 'Refused because the sending server opened too many connections at once.',
    },
    remedy: {
      ja: '時間をおいて再送してください。続く場合はSMTPサーバーの管理者に同時接続数の調整を依頼してください。',
      en: 'Resend later. If it continues, ask the SMTP server administrator to lower the number of parallel connections.',
    },
  },
  norelaying: {
    summary: {
      ja: '受信側サーバーがこの宛先への中継を拒否しました。',
      en: 'The receiving server refused to relay mail to this address.',
    },
    remedy: {
      ja: '宛先ドメインのMX設定の誤り、または送信サーバーの設定誤りの可能性があります。アドレスを確認し、SMTPサーバーの管理者に確認してください。',
      en: "The recipient domain's MX records or the sending server's settings may be wrong. Check the address, then ask the SMTP server administrator.",
    },
  },
  contenterror: {
    summary: {
      ja: 'メールのヘッダーやMIME形式に問題があり拒否されました。',
      en: "Refused because of the message's header or MIME format.",
    },
    remedy: {
      ja: '送信に使ったメールソフトやシステムの設定（文字コード、ヘッダー）を確認してください。',
      en: 'Check the settings of the program that sent the mail (character set, headers).',
    },
  },
  notcompliantrfc: {
    summary: {
      ja: 'メールの形式がインターネット標準（RFC）に合っていないため拒否されました。',
      en: 'Refused because the message does not comply with the mail standards (RFCs).',
    },
    remedy: {
      ja: '送信システムが作るヘッダー（From、Date、Message-IDの重複や欠落）を開発者・管理者に確認してもらってください。',
      en: 'Have the developers or administrators check the headers the sending system writes (duplicate or missing From, Date, Message-ID).',
    },
  },
  securityerror: {
    summary: {
      ja: 'セキュリティ上の理由（認証が必要、セキュリティ検査の失敗）で拒否されました。',
      en: 'Refused for a security reason (authentication required, or a security check failed).',
    },
    remedy: {
      ja: 'エラー文言を確認し、SMTPサーバーの管理者に送信設定（認証、暗号化）の確認を依頼してください。',
      en: "Read the server's words and ask the SMTP server administrator to check the sending settings (authentication, encryption).",
    },
  },
  suppressed: {
    summary: {
      ja: 'このアドレスは送信サービスの配信停止リストに載っているため送信されませんでした。',
      en: "Not sent: the address is on the sending service's suppression list.",
    },
    remedy: {
      ja: '過去のエラーで停止リストに登録されています。アドレスが正しいことを確認してから、送信サービスの管理画面で解除してください。',
      en: "An earlier failure put the address on the list. Confirm that the address is right, then remove it in the sending service's console.",
    },
  },
  authfailure: {
    summary: {
      ja: '送信ドメインの認証（SPF・DKIM・DMARC）に失敗したため拒否されました。',
      en: "Refused because the sending domain's authentication (SPF, DKIM, DMARC) failed.",
    },
    remedy: {
      ja: 'SMTPサーバーの管理者に、送信ドメインのSPF・DKIM・DMARCの設定を確認・修正してもらってください。',
      en: "Ask the SMTP server administrator to check and fix the sending domain's SPF, DKIM and DMARC records.",
    },
  },
  failedstarttls: {
    summary: {
      ja: '暗号化（STARTTLS）の通信ができなかったため配送できませんでした。',
      en: 'Delivery failed because an encrypted (STARTTLS) connection could not be made.',
    },
    remedy: {
      ja: 'SMTPサーバーの管理者に、TLS設定（証明書、対応バージョン）の確認を依頼してください。',
      en: 'Ask the SMTP server administrator to check the TLS settings (certificate, protocol versions).',
    },
  },
  expired: {
    summary: {
      ja: '一定時間再送を試みましたが配送できず、あきらめました（または遅延中です）。',
      en: 'Delivery was retried for a long time and given up (or is still delayed).',
    },
    remedy: {
      ja: '受信側サーバーの一時的な障害の可能性があります。時間をおいて再送してください。繰り返す場合はアドレスのドメインを確認してください。',
      en: "The receiving server may have a temporary problem. Resend later; if it keeps happening, check the address's domain.",
    },
  },
  networkerror: {
    summary: {
      ja: 'ネットワークやDNSの問題で受信側サーバーに接続できませんでした。',
      en: 'A network or DNS problem kept the mail from reaching the receiving server.',
    },
    remedy: {
      ja: '一時的な問題の可能性があります。時間をおいて再送してください。繰り返す場合はSMTPサーバーの管理者に確認してください。',
      en: 'This may be temporary. Resend later; if it keeps happening, ask the SMTP server administrator.',
    },
  },
  systemerror: {
    summary: {
      ja: '受信側サーバーでシステムエラーが発生しました。',
      en: 'The receiving server had a system error.',
    },
    remedy: {
      ja: '受信側の一時的な障害の可能性があります。時間をおいて再送してください。',
      en: 'The receiving side may have a temporary problem. Resend later.',
    },
  },
  systemfull: {
    summary: {
      ja: '受信側サーバーのディスクがいっぱいです。',
      en: "The receiving server's disk is full.",
    },
    remedy: {
      ja: '受信側の問題です。時間をおいて再送してください。',
      en: 'This is a problem on the receiving side. Resend later.',
    },
  },
  mailererror: {
    summary: {
      ja: '受信側サーバーの配送プログラムがエラーで終了しました。',
      en: 'A mail program on the receiving server failed.',
    },
    remedy: {
      ja: '受信側の問題です。時間をおいて再送し、続く場合は受信者に別の連絡手段で伝えてください。',
      en: 'This is a problem on the receiving side. Resend later; if it continues, tell the recipient another way.',
    },
  },
  syntaxerror: {
    summary: {
      ja: '送信サーバーのSMTPコマンドに文法エラーがありました。',
      en: 'The sending server sent an SMTP command with a syntax error.',
    },
    remedy: {
      ja: 'SMTPサーバーまたは送信プログラムの設定に問題があります。管理者に確認を依頼してください。',
      en: 'The SMTP server or the sending program is misconfigured. Ask the administrator to check it.',
    },
  },
  vacation: {
    summary: {
      ja: '不在通知などの自動返信です。メールは届いています。',
      en: 'An automatic reply (out of office). The mail was delivered.',
    },
    remedy: {
      ja: '対応は不要です。急ぎの場合は自動返信に書かれた代わりの連絡先を確認してください。',
      en: 'Nothing to do. If it is urgent, look for another contact in the automatic reply.',
    },
  },
  feedback: {
    summary: {
      ja: '受信者がメールを迷惑メールとして報告しました（苦情）。',
      en: 'The recipient reported the mail as spam (a complaint).',
    },
    remedy: {
      ja: 'この宛先への一斉送信を停止し、配信停止の手続きを確認してください。',
      en: 'Stop bulk mail to this address and check how it can unsubscribe.',
    },
  },
  delivered: {
    summary: {
      ja: '配送成功の通知です。',
      en: 'A notice that the mail was delivered.',
    },
    remedy: {
      ja: '対応は不要です。',
      en: 'Nothing to do.',
    },
  },
  onhold: {
    summary: {
      ja: '配送に失敗しましたが、原因を判断できる情報が不足しています。',
      en: 'Delivery failed, but the bounce holds too little detail to tell why.',
    },
    remedy: {
      ja: '元のエラーメールの本文（受信側サーバーの文言）を確認し、アドレスに誤りがないか確かめてください。',
      en: "Read the bounce's own text (the receiving server's words) and check the address.",
    },
  },
  undefined: {
    summary: {
      ja: '配送に失敗しましたが、原因は特定できませんでした。',
      en: 'Delivery failed for a reason that could not be determined.',
    },
    remedy: {
      ja: '元のエラーメールを確認し、アドレスに誤りがないか確かめてから再送してください。',
      en: 'Read the original bounce, check the address, then resend.',
    },
  },
};

/** Extra advice for addresses at a Japanese mobile carrier, which often filter mail by sender domain. */
export const CARRIER_ADVICE: Advice = {
  summary: {
    ja: '携帯キャリア（docomo・au・SoftBank など）のアドレスでは、受信者の迷惑メール設定（ドメイン指定受信）で拒否されている場合もあります。',
    en: 'At a Japanese mobile carrier address (docomo, au, SoftBank, ...), the recipient may be refusing mail by domain filtering.',
  },
  remedy: {
    ja: 'お客様に、当社の送信ドメインを受信許可（指定受信）に追加してもらうよう依頼するか、電話など別の方法で連絡してください。',
    en: "Ask the recipient to allow our sending domain in their carrier's mail settings, or reach them another way (phone, another address).",
  },
};
