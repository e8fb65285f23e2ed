// Errors of the trust checks' own inputs (not of a bounce: an untrusted bounce is a verdict, not an error).

/** The VERP signing key is too short to be one (at least 32 bytes). */
export class VerpKeyError extends Error {
  override readonly name = 'VerpKeyError';
}
