// The lab's only resolver, on loopback inside the lab's network namespace: the lab's host names have
// their loopback addresses (A), nothing else exists (NXDOMAIN), and one domain's name servers fail
// (SERVFAIL) — so that the MTAs' own DNS failures are real ones, and nothing resolves outside.
import { createSocket, type Socket } from 'node:dgram';

const TYPE_A = 1;
const RCODE_NXDOMAIN = 3;
const RCODE_SERVFAIL = 2;

export interface DnsStub {
  close(): Promise<void>;
}

/** Serves `names` (host name → IPv4) on `address`:53; names under `failing` get SERVFAIL. */
export function startDnsStub(
  address: string,
  names: ReadonlyMap<string, string>,
  failing: string,
): Promise<DnsStub> {
  const socket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    const answer = respond(query, names, failing);
    if (answer) socket.send(answer, peer.port, peer.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(53, address, () => resolve({ close: () => closeSocket(socket) }));
  });
}

function closeSocket(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}

interface Question {
  name: string;
  type: number;
  /** Offset just past the question section. */
  end: number;
}

function readQuestion(query: Buffer): Question | undefined {
  if (query.length < 12 || query.readUInt16BE(4) !== 1) return undefined;
  const labels: string[] = [];
  let at = 12;
  while (at < query.length) {
    const length = query[at] ?? 0;
    if (length === 0) break;
    if (length > 63) return undefined;
    labels.push(query.toString('latin1', at + 1, at + 1 + length));
    at += 1 + length;
  }
  if (at + 5 > query.length) return undefined;
  return { name: labels.join('.').toLowerCase(), type: query.readUInt16BE(at + 1), end: at + 5 };
}

function respond(query: Buffer, names: ReadonlyMap<string, string>, failing: string): Buffer | undefined {
  const question = readQuestion(query);
  if (!question) return undefined;
  const { name, type, end } = question;
  const address = names.get(name);
  const rcode =
    name === failing || name.endsWith(`.${failing}`) ? RCODE_SERVFAIL : address ? 0 : RCODE_NXDOMAIN;
  const answers = rcode === 0 && type === TYPE_A && address ? [aRecord(address)] : [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // QR, the query's opcode and RD, RA; the response code.
  header.writeUInt16BE(0x8000 | (query.readUInt16BE(2) & 0x7900) | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(answers.length, 6);
  return Buffer.concat([header, query.subarray(12, end), ...answers]);
}

function aRecord(address: string): Buffer {
  const record = Buffer.alloc(16);
  record.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
  record.writeUInt16BE(TYPE_A, 2);
  record.writeUInt16BE(1, 4); // IN
  record.writeUInt32BE(60, 6);
  record.writeUInt16BE(4, 10);
  address.split('.').forEach((part, i) => {
    record.writeUInt8(Number(part), 12 + i);
  });
  return record;
}
