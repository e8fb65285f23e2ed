// The `mail` ticket system's transport for local runs (`npm start -- --ticket mail`): each composed mail
// becomes an .eml file in a folder, named after the bounce, for a person to open in a mail program.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TICKET_MAIL_HEADER, type TicketMail } from '../../core/ticketing/ticket-mail.ts';
import type { MailTransport } from './mail-transport.ts';

export interface WrittenMail {
  /** The bounce's SES message id (the file's name). */
  sesMessageId: string;
  path: string;
  mail: TicketMail;
}

export interface LocalMailFolder extends MailTransport {
  folder: string;
  written: WrittenMail[];
}

export function localMailFolder(folder: string): LocalMailFolder {
  const written: WrittenMail[] = [];
  return {
    folder,
    written,
    async send(raw, mail) {
      const sesMessageId = mail.headers[TICKET_MAIL_HEADER] ?? `mail-${written.length + 1}`;
      const path = join(folder, `${sesMessageId}.eml`);
      await mkdir(folder, { recursive: true });
      await writeFile(path, raw);
      written.push({ sesMessageId, path, mail });
      return path;
    },
  };
}
