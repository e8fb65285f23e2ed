// Hands each case's message to each of its MTAs over SMTP on loopback (nodemailer), as a client would.
import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { type LabCase, MTAS, type MtaName, senderOf } from './cases.ts';

/**
 * Submits every case to its MTAs; returns the messages an MTA refused at once ("<mta>/<case>": its
 * reply): those give no bounce (an MTA may check a recipient's domain while it is being submitted).
 */
export async function submitAll(
  cases: readonly LabCase[],
  addressOf: (mta: MtaName) => string,
): Promise<Map<string, string>> {
  const refused = new Map<string, string>();
  await Promise.all(
    MTAS.map(async (mta) => {
      if (!cases.some((c) => c.mtas.includes(mta))) return;
      await listening(addressOf(mta));
      const transport = nodemailer.createTransport({
        host: addressOf(mta),
        port: 25,
        secure: false,
        ignoreTLS: true,
        pool: true,
        maxConnections: 2,
      });
      try {
        for (const c of cases) {
          if (!c.mtas.includes(mta)) continue;
          const from = senderOf(c.id, mta);
          try {
            await transport.sendMail({ envelope: { from, to: [c.recipient] }, raw: message(c, mta, from) });
          } catch (error) {
            refused.set(`${mta}/${c.id}`, error instanceof Error ? error.message : String(error));
          }
        }
      } finally {
        transport.close();
      }
    }),
  );
  return refused;
}

function message(c: LabCase, mta: MtaName, from: string): string {
  return [
    `From: Lab Sender <${from}>`,
    `To: <${c.recipient}>`,
    `Subject: Lab message ${c.id}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${c.id}.${mta}@sender.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `This message was sent by bounce-doctor's MTA lab (case ${c.id}).`,
    '',
  ].join('\r\n');
}

/** Resolves once something accepts connections on port 25 of `host` (an MTA takes a moment to start). */
async function listening(host: string, seconds = 30): Promise<void> {
  for (let i = 0; i < seconds * 2; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(25, host, () => resolve(true)).on('error', () => resolve(false));
      socket.unref();
      setTimeout(() => socket.destroy(), 1000).unref();
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`nothing listens on ${host}:25`);
}
