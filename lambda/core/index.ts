// The package's library entry (`import … from 'bounce-doctor'`): the decoder and the diagnosis, no I/O.
export { decodeBounce, decodeMailbox } from './decode.ts';
export { CATEGORIES, type Category } from './diagnosis/categories.ts';
export { type Diagnosis, diagnoseReport } from './diagnosis/diagnose.ts';
export type { LocalText } from './diagnosis/reasons.ts';
export {
  ACTIONS,
  type Action,
  type BounceReport,
  CARRIERS,
  type Carrier,
  MESSAGE_KINDS,
  type MessageKind,
  type OriginalMessage,
  REASONS,
  type Reason,
  type RecipientResult,
} from './types.ts';
