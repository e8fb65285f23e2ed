// What the TLS layer of an SMTP session showed: protocol, cipher, whether the chain and the name checked
// out, and the server's certificate (names, issuer, dates).
import { TLSSocket } from 'node:tls';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { CertificateFacts, TlsFacts } from '../core/probe/types.ts';

export function tlsFacts(connection: SMTPConnection): TlsFacts | undefined {
  // `_socket` is SMTPConnection's documented-public socket: the TLS socket once TLS is up.
  const socket = connection._socket;
  if (!(socket instanceof TLSSocket)) return undefined;
  const cipher = socket.getCipher();
  const certificate = certificateFacts(socket);
  return {
    protocol: socket.getProtocol() ?? '',
    cipher: cipher.standardName ?? cipher.name,
    authorized: socket.authorized,
    ...(socket.authorizationError ? { authorizationError: String(socket.authorizationError) } : {}),
    ...(certificate ? { certificate } : {}),
  };
}

function certificateFacts(socket: TLSSocket): CertificateFacts | undefined {
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return undefined;
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    subjectAltNames: (cert.subjectaltname ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== ''),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    fingerprint256: cert.fingerprint256,
  };
}

function distinguishedName(
  name: Readonly<Record<string, string | string[] | undefined>> | undefined,
): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
    .join(', ');
}
