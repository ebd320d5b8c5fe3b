import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestSmtp {
  port: number;
  /** Every message received so far, parsed. */
  messages: ParsedMail[];
  close(): Promise<void>;
  /** The first message that matches, waiting for it up to `timeoutMs`. */
  waitFor(match: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
}

export interface SmtpOptions {
  /** Recipients refused with a permanent 550 at RCPT TO (a mailbox that does not exist). */
  refuse?: (address: string) => boolean;
}

/** A real SMTP server on a free loopback port, keeping every message it gets (point SMTP_HOST/SMTP_PORT at it). */
export async function startSmtp(options: SmtpOptions = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        callback(Object.assign(new Error(`550 5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(match, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = messages.find(match);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`No matching e-mail within ${timeoutMs} ms (got: ${messages.map((m) => m.subject).join(' | ') || 'none'})`);
    },
  };
}

/** The addresses of a parsed header (To, Reply-To...). */
export function addressesOf(field: ParsedMail['to'] | ParsedMail['replyTo']): string[] {
  const list = Array.isArray(field) ? field : [field];
  return list.flatMap((address) => address?.value.map((v) => v.address ?? '') ?? []);
}
