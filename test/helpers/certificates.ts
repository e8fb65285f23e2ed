// Test certificates made on the spot (smtp-server's built-in one has expired): a test CA and server
// certificates signed by it, valid, expired, expiring soon or for another host, and a self-signed one.
import { generate } from 'selfsigned';

const DAY_MS = 86_400_000;

export interface KeyAndCert {
  key: string;
  cert: string;
}

export interface TestCertificates {
  /** The test CA's certificate, to give the probe as a trusted CA. */
  ca: string;
  valid: KeyAndCert;
  expired: KeyAndCert;
  expiringIn5Days: KeyAndCert;
  wrongHost: KeyAndCert;
  selfSigned: KeyAndCert;
}

const LOCALHOST = [
  { type: 2 as const, value: 'localhost' },
  { type: 7 as const, ip: '127.0.0.1' },
];

/** `ips`: loopback addresses the valid certificate names too (for a client given an address, not a name). */
export async function makeTestCertificates(
  now = new Date(),
  ips: readonly string[] = [],
): Promise<TestCertificates> {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const ca = await generate([{ name: 'commonName', value: 'bounce-doctor test CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: at(-400),
    notAfterDate: at(400),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const signedBy = { key: ca.private, cert: ca.cert };
  const server = async (host: string, from: number, to: number, selfSigned = false): Promise<KeyAndCert> => {
    const names =
      host === 'localhost'
        ? [...LOCALHOST, ...ips.map((ip) => ({ type: 7 as const, ip }))]
        : [{ type: 2 as const, value: host }];
    const pems = await generate([{ name: 'commonName', value: host }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: at(from),
      notAfterDate: at(to),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: names },
      ],
      ...(selfSigned ? {} : { ca: signedBy }),
    });
    return { key: pems.private, cert: pems.cert };
  };
  const [valid, expired, expiringIn5Days, wrongHost, selfSigned] = await Promise.all([
    server('localhost', -1, 365),
    server('localhost', -100, -10),
    // Five days and a half: whole days left round down to 5 whatever the test's own duration.
    server('localhost', -1, 5.5),
    server('mail.example.com', -1, 365),
    server('localhost', -1, 365, true),
  ]);
  return { ca: ca.cert, valid, expired, expiringIn5Days, wrongHost, selfSigned };
}
