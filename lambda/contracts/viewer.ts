// The original-message viewer's settings: its environment variables with their defaults and docs, the
// reader the Lambda checks them with at cold start, and the writer the stack sets them with.
import { ORIGINALS_PREFIX } from './bounce-variables.ts';
import { code, REQUIRED, type SettingDoc } from './documented.ts';
import { ConfigError } from './errors.ts';
import { type PowertoolsVariable, powertoolsVariables, SERVICE_NAMES } from './powertools.ts';
import { optional, quoted, required } from './values.ts';

export const VIEWER_VARIABLES = {
  BUCKET_NAME: { default: REQUIRED, meaning: 'the bucket the bounce handler publishes to' },
  ORIGINALS_PREFIX: {
    default: code(ORIGINALS_PREFIX),
    meaning:
      "the one prefix the viewer reads (`<prefix><id>.eml`, `<prefix><id>.bounce.eml`); as the handler's",
  },
  LINK_KEY_SECRET_ID: {
    default: REQUIRED,
    meaning:
      'the links\' HMAC keys, the same secret as the bounce handler\'s (the key, `{"key": "…"}`, or a ring `{"current", "keys"}`)',
  },
  ...powertoolsVariables(SERVICE_NAMES.viewer),
} as const satisfies Readonly<Record<string, SettingDoc>>;

export type ViewerVariable = Exclude<keyof typeof VIEWER_VARIABLES, PowertoolsVariable>;
export type ViewerEnv = Readonly<Partial<Record<ViewerVariable, string | undefined>>>;

export interface ViewerConfig {
  readonly bucket: string;
  /** Where the bounce handler publishes the originals and raw bounces; the only prefix read. */
  readonly originalsPrefix: string;
  readonly linkKeySecretId: string;
}

export function viewerConfigFromEnv(env: ViewerEnv): ViewerConfig {
  const originalsPrefix = optional(env, 'ORIGINALS_PREFIX') ?? ORIGINALS_PREFIX;
  if (originalsPrefix.startsWith('/') || originalsPrefix.includes('..')) {
    throw new ConfigError(
      'ORIGINALS_PREFIX',
      `must be a key prefix such as "originals/", not ${quoted(originalsPrefix)}`,
    );
  }
  return {
    bucket: required(env, 'BUCKET_NAME'),
    originalsPrefix,
    linkKeySecretId: required(env, 'LINK_KEY_SECRET_ID'),
  };
}

/** The environment viewerConfigFromEnv reads back as `config` (the stack adds Powertools' two). */
export function viewerEnvironment(config: ViewerConfig): Record<ViewerVariable, string> {
  return {
    BUCKET_NAME: config.bucket,
    ORIGINALS_PREFIX: config.originalsPrefix,
    LINK_KEY_SECRET_ID: config.linkKeySecretId,
  };
}
