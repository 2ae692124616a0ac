import MailComposer from "nodemailer/lib/mail-composer";
import { extraHeaders, messageIdFor } from "./mail-message.ts";
import type { MailMessage } from "./mail-transport.ts";

export interface MimeMessage {
  /** The RFC 5322 message, CRLF line endings. */
  raw: Buffer;
  /** Its `Message-ID` header, with angle brackets. */
  messageId: string;
}

/**
 * Builds the RFC 5322 form of `message` with nodemailer's MailComposer: a multipart/alternative
 * with the text part first and the HTML part last (the one clients prefer), headers encoded
 * as needed for non-ASCII text.
 */
export async function composeMimeMessage(message: MailMessage, date: Date): Promise<MimeMessage> {
  const node = new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: extraHeaders(message),
    messageId: messageIdFor(message),
    date,
    newline: "win",
    // Content is given inline; never let it point the composer at files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  }).compile();
  const raw = await node.build();
  return { raw, messageId: node.messageId() };
}
