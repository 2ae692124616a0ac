// Writes every email template, rendered with its preview props, to files to open in a browser:
//   pnpm --filter @rebound/reports preview [outDir]   (default ./.rebound/email-preview)
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { emailPreviews } from "./email-previews.ts";

const outDir = resolve(process.argv[2] ?? ".rebound/email-preview");
await mkdir(outDir, { recursive: true });
for (const preview of emailPreviews) {
  const email = await preview.render();
  const htmlPath = join(outDir, `${preview.name}.html`);
  const textPath = join(outDir, `${preview.name}.txt`);
  await writeFile(htmlPath, email.html);
  await writeFile(textPath, `Subject: ${email.subject}\n\n${email.text}\n`);
  console.log(
    `${preview.name}\n  html: ${htmlPath}\n  text: ${textPath}\n  subject: ${email.subject}`,
  );
}
