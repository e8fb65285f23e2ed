// The viewer's logs and metrics (Powertools; EMF). One record per request: the route, the link kind,
// what was answered, who asked (source address and user agent, to trace a leaked link's use) and, for a
// link whose signature held, the SES message id. Never the token (it is the key to the message) and
// never mail content. Refused links are anyone's guesses: counted, logged at debug only. Metric,
// namespace BounceDoctor: ViewerRequests (dimension `result`).
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { StoredMailKind } from '../core/links/stored-mail.ts';
import { loggableError } from './bounce-observer.ts';
import { logger, metrics } from './powertools.ts';

export type ViewerResult =
  | 'preview'
  | 'download'
  | 'redirect'
  | 'expired'
  | 'refused'
  | 'missing'
  | 'not-found'
  | 'method-not-allowed'
  | 'error';

export interface ViewerRequestRecord {
  result: ViewerResult;
  route?: 'preview' | 'download';
  link?: StoredMailKind;
  sesMessageId?: string;
  /** Why a token was refused: malformed, unknown-key, bad-signature, wrong-kind. */
  problem?: string;
  /** The client's address as the Function URL saw it. */
  sourceIp?: string;
  /** The client's User-Agent, on one line, cut at 300 characters. */
  userAgent?: string;
}

export interface ViewerObserver {
  served(record: ViewerRequestRecord): void;
  failed(record: ViewerRequestRecord, error: unknown): void;
}

export const powertoolsViewerObserver: ViewerObserver = {
  served(record) {
    count(record.result);
    if (record.result === 'refused') logger.debug('viewer link refused', { ...record });
    else logger.info('viewer request', { ...record });
  },
  failed(record, error) {
    count('error');
    logger.error('viewer request failed', { ...record, error: loggableError(error) });
  },
};

function count(result: ViewerResult): void {
  const metric = metrics.singleMetric();
  metric.addDimension('result', result);
  metric.addMetric('ViewerRequests', MetricUnit.Count, 1);
}
