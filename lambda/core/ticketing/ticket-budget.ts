// The hourly ticket budget: at most N tickets an hour (UTC), whoever sends the bounces. Past it a
// bounce is stored and counted but not ticketed, and the hour gets one summary ticket saying how to
// ticket the rest later. Pure: the hour's key and the summary's text; the count lives in DynamoDB.
import type { TicketNotice } from './ticket-notice.ts';

/** The hour a time falls in, as the counter's key: `2026-11-27T09`. */
export function budgetHour(now: Date): string {
  return now.toISOString().slice(0, 13);
}

/** The summary ticket of an hour whose budget is used up; one per hour (its externalId says which). */
export function budgetSummaryNotice(hour: string, budget: number): TicketNotice {
  const start = `${hour}:00:00Z`;
  const end = new Date(new Date(start).getTime() + 3_600_000).toISOString().replace('.000Z', 'Z');
  const label = `${hour.replace('T', ' ')}:00 UTC`;
  return {
    externalId: `ticket-budget-${hour}`,
    title: `[bounce-doctor] チケット数の上限に達しました / Ticket budget reached: ${budget} tickets in the hour from ${label}`,
    body: [
      `${label} からの 1 時間に ${budget} 件のチケットを作成したため、この時間のそれ以降のバウンスにはチケットを作りません。`,
      'バウンスは保存され、件数は記録されています（メトリクス OverBudget）。',
      'This hour has had its budget of tickets; the bounces after it are stored and counted (metric OverBudget), not ticketed.',
      '',
      '■ 確認すること / What to check',
      '大量送信の失敗か、偽のバウンスの大量送付かを確認してください（ログ: action "over-budget"）。',
      'Find out whether a mailing failed at scale or someone is sending forged bounces (log records with action "over-budget").',
      '',
      '■ 残りをチケットにするには / To ticket the rest later',
      '次の時間以降に、次のコマンドでこの時間のバウンスを再処理します（チケット済みのものは重複しません）。',
      "In a later hour, replay this hour's bounces; those already ticketed get no second ticket:",
      `bounce-doctor replay --s3 --since ${start} --until ${end}`,
    ].join('\n'),
    tags: ['bounce-doctor', 'ticket-budget'],
  };
}
