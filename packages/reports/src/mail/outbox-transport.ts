import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { checkMailMessage } from "./mail-message.ts";
import type { MailSendResult, MailTransport } from "./mail-transport.ts";
import { composeMimeMessage } from "./mime-message.ts";

export interface OutboxTransportOptions {
  /** Folder for the `.eml` and `.html` files, created when missing. */
  dir: string;
  /** Clock for file names and the `Date` header; default `() => new Date()`. */
  now?: () => Date;
}

// A full disk or a busy file system may clear up; a path that is not a writable folder will not.
const PERMANENT_FS_ERRORS = new Set(["EACCES", "EPERM", "EROFS", "ENOTDIR", "EISDIR", "EEXIST"]);

/** `20261118T113000.123Z`: sorts like the instant it names and is a valid file name anywhere. */
function compactTimestamp(date: Date): string {
  return date.toISOString().replaceAll("-", "").replaceAll(":", "");
}

async function writeAtomically(path: string, content: string | Buffer): Promise<void> {
  const temporary = `${path}.tmp`;
  try {
    const file = await open(temporary, "wx");
    try {
      await file.writeFile(content);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    // The write already failed; remove the partial file so it is never mistaken for mail.
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * A transport that writes each email into a folder instead of sending it (the embedded
 * default): `<time>-<seq>-<random>.eml`, the RFC 5322 message (multipart/alternative, text and
 * HTML), and `<same name>.html` to open in a browser. Names sort by time and are unique across
 * processes; each file is written to a temporary name, synced and renamed, so a reader never
 * sees half an email, and the `.eml` appears last.
 *
 * @example
 * const outbox = createOutboxTransport({ dir: ".rebound/outbox" });
 * await outbox.send(message); // { ok: true, id: "20261118T113000.123Z-000001-9f2c4e1a" }
 */
export function createOutboxTransport(options: OutboxTransportOptions): MailTransport {
  const dir = resolve(options.dir);
  const now = options.now ?? (() => new Date());
  let sequence = 0;

  async function send(message: Parameters<MailTransport["send"]>[0]): Promise<MailSendResult> {
    const refused = checkMailMessage(message);
    if (refused) return refused;
    const date = now();
    sequence += 1;
    const name = [
      compactTimestamp(date),
      String(sequence).padStart(6, "0"),
      randomBytes(4).toString("hex"),
    ].join("-");
    try {
      const mime = await composeMimeMessage(message, date);
      await mkdir(dir, { recursive: true });
      await writeAtomically(join(dir, `${name}.html`), message.html);
      await writeAtomically(join(dir, `${name}.eml`), mime.raw);
      return { ok: true, id: name };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      return {
        ok: false,
        error: `outbox ${dir}: ${error instanceof Error ? error.message : String(error)}`,
        retryable: !PERMANENT_FS_ERRORS.has(code),
      };
    }
  }

  return { kind: "outbox", dropsRepeats: false, target: dir, send, close: async () => {} };
}
