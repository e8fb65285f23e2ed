// Extra certificate authorities for the probe (CLI --ca-file, Lambda PROBE_CA_PEM): PEM with one or
// more certificates, or one DER certificate. Anything else — a private key, an empty file, garbage — is
// refused by name, rather than silently trusting nothing and reporting the server's certificate as bad.
import { X509Certificate } from 'node:crypto';
import { ConfigError } from './errors.ts';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]{1,65536}?-----END CERTIFICATE-----/g;
const MAX_BYTES = 1_048_576;

/** The certificates in a CA file or setting, as PEM; throws a ConfigError naming `setting`. */
export function caCertificates(content: Uint8Array | string, setting: string): string[] {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  if (bytes.length > MAX_BYTES) throw new ConfigError(setting, 'larger than 1 MB: not a CA certificate file');
  const text = bytes.toString('latin1');
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  const pems = blocks.length > 0 ? blocks.map((block) => checked(block, setting)) : derCertificate(bytes);
  if (pems.length === 0) {
    throw new ConfigError(
      setting,
      'no certificate in it: give the CA certificate in PEM (-----BEGIN CERTIFICATE-----) or DER',
    );
  }
  return pems;
}

function checked(block: string, setting: string): string {
  try {
    return new X509Certificate(block).toString().trim();
  } catch (error) {
    throw new ConfigError(setting, 'a certificate in it cannot be read', { cause: error });
  }
}

function derCertificate(bytes: Buffer): string[] {
  // DER is one ASN.1 SEQUENCE (0x30); a PEM key or text is not.
  if (bytes[0] !== 0x30) return [];
  try {
    return [new X509Certificate(bytes).toString().trim()];
  } catch {
    return [];
  }
}
