// The viewer's configuration, read from an environment map the caller passes in (the Lambda's
// environment). Pure; errors name the variable. Every variable is in docs/viewer.md.
import { BOUNCE_DEFAULTS } from '../bounce/config.ts';
import { ViewerConfigError } from './errors.ts';

export interface ViewerConfig {
  bucket: string;
  /** Where the bounce handler publishes the originals and raw bounces; the only prefix read. */
  originalsPrefix: string;
  linkKeySecretId: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export function viewerConfigFromEnv(env: Env): ViewerConfig {
  const originalsPrefix = env.ORIGINALS_PREFIX?.trim() || BOUNCE_DEFAULTS.originalsPrefix;
  if (originalsPrefix.startsWith('/') || originalsPrefix.includes('..')) {
    throw new ViewerConfigError(
      'ORIGINALS_PREFIX',
      `must be a key prefix such as "originals/", not "${originalsPrefix}"`,
    );
  }
  return {
    bucket: required(env, 'BUCKET_NAME'),
    originalsPrefix,
    linkKeySecretId: required(env, 'LINK_KEY_SECRET_ID'),
  };
}

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ViewerConfigError(name, 'is required');
  return value;
}
