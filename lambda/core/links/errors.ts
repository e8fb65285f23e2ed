// Errors of the link tokens: a key that is too weak to sign with.

export class LinkKeyError extends Error {
  override readonly name = 'LinkKeyError';
}
