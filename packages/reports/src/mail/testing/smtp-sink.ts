import { createServer, type Server, type Socket } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export interface ReceivedMail {
  /** SMTP envelope: MAIL FROM and RCPT TO. */
  from: string;
  to: string[];
  /** AUTH user, when the client logged in. */
  user: string | undefined;
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpSinkOptions {
  /** Require AUTH PLAIN/LOGIN with these credentials; without it AUTH is not offered. */
  auth?: { user: string; pass: string };
  /** Reply to RCPT TO for these addresses with an error code, e.g. 450 or 550. */
  rejectRecipients?: Record<string, number>;
  /** Reply to the end of DATA with this code instead of accepting the message. */
  rejectDataWith?: number;
}

export interface SmtpSink {
  port: number;
  /** `smtp://127.0.0.1:<port>` (no credentials). */
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** An in-process SMTP server on 127.0.0.1 (plain text, no STARTTLS) that keeps what it gets. */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const config: SMTPServerOptions = {
    secure: false,
    logger: false,
    disabledCommands: options.auth ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      if (ok) callback(null, { user: auth.username });
      else callback(smtpError(535, "Authentication credentials invalid"));
    },
    onRcptTo(address, _session, callback) {
      const code = options.rejectRecipients?.[address.address];
      callback(code === undefined ? null : smtpError(code, `mailbox ${address.address} refused`));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (options.rejectDataWith !== undefined) {
          callback(smtpError(options.rejectDataWith, "message refused by the test sink"));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const from = session.envelope.mailFrom;
            received.push({
              from: from === false ? "" : from.address,
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              user: typeof session.user === "string" ? session.user : undefined,
              raw,
              parsed,
            });
            callback(null);
          },
          (error: Error) => callback(error),
        );
      });
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("sink has no port");
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A TCP server that accepts connections and never says a word (no SMTP greeting). */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server has no port");
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("server has no port");
  return address.port;
}
