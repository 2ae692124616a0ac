import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOutboxTransport } from "./outbox-transport.ts";
import { reportMessage } from "./testing/report-message.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "rebound-outbox-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("outbox transport", () => {
  it("writes one .eml (multipart/alternative, text and HTML) and one .html per email", async () => {
    const dir = join(root, ".rebound", "outbox");
    const now = () => new Date("2026-11-17T11:30:00.123Z");
    const message = await reportMessage();
    const result = await createOutboxTransport({ dir, now }).send(message);

    expect(result).toEqual({
      ok: true,
      id: expect.stringMatching(/^20261117T113000\.123Z-000001-[0-9a-f]{8}$/),
    });
    const id = result.ok ? result.id : "";
    expect((await readdir(dir)).sort()).toEqual([`${id}.eml`, `${id}.html`]);
    expect(await readFile(join(dir, `${id}.html`), "utf8")).toBe(message.html);

    const raw = await readFile(join(dir, `${id}.eml`));
    expect(raw.toString("latin1")).toContain("\r\n");
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.from?.text).toBe('"Rebound reports" <reports@rebound.example>');
    expect(parsed.to).toMatchObject({ text: "ops@acme.example, cto@acme.example" });
    expect(parsed.date?.toISOString()).toBe("2026-11-17T11:30:00.000Z");
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}@rebound\.example>$/);
    expect(parsed.headers.get("x-rebound-report")).toBe("daily");
    expect(parsed.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(parsed.text?.trim()).toBe(message.text.trim());
    expect(parsed.html).toBe(message.html);
    for (const part of [parsed.text ?? "", String(parsed.html)]) {
      expect(part).toContain("12,840");
      expect(part).toContain("37");
      expect(part).toContain("99.7%");
    }
  });

  it("names files so that they sort in sending order and never collide", async () => {
    const dir = join(root, "outbox");
    const start = Date.parse("2026-11-17T11:30:00.000Z");
    // Two sends in the same millisecond, then one a second later; another process (transport)
    // sends in that same millisecond too.
    const times = [start, start, start + 1_000];
    const transport = createOutboxTransport({ dir, now: () => new Date(times.shift() ?? 0) });
    const other = createOutboxTransport({ dir, now: () => new Date(start + 1_000) });
    const ids: string[] = [];
    for (const sender of [transport, transport, transport, other]) {
      const result = await sender.send(await reportMessage());
      ids.push(result.ok ? result.id : result.error);
    }
    expect(new Set(ids).size).toBe(4);
    expect(ids.slice(0, 3)).toEqual([...ids.slice(0, 3)].sort());
    const files = await readdir(dir);
    expect(files).toHaveLength(8);
    expect(files.filter((file) => file.endsWith(".tmp"))).toEqual([]);
  });

  it("returns a permanent failure, not a throw, when the folder cannot be created", async () => {
    const file = join(root, "not-a-folder");
    await writeFile(file, "");
    const result = await createOutboxTransport({ dir: join(file, "outbox") }).send(
      await reportMessage(),
    );
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(result.ok ? "" : result.error).toMatch(/^outbox .*ENOTDIR/);
  });

  it("refuses an invalid message and writes nothing", async () => {
    const dir = join(root, "outbox");
    const result = await createOutboxTransport({ dir }).send(await reportMessage({ to: [] }));
    expect(result).toEqual({ ok: false, error: "the message has no recipients", retryable: false });
    await expect(readdir(dir)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
