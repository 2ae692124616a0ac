// End to end under Bun: callback reports and auto-disable notices through the real processes.
// Embedded: callbacks delivered and failed through the API, `rebound report send` writes the
// report to the outbox (parsed with mailparser), then sends other windows through a local
// Resend stand-in (RESEND_BASE_URL) and an in-process SMTP sink (SMTP_URL). PostgreSQL: a
// `--role reports` process emails the notice of a profile the dispatcher auto-disabled (410)
// when it starts, a hand send while it runs goes through the same claims, SIGTERM stops it, and
// after the profile is re-enabled (PATCH) and disabled again the next process notifies again.
//
// A report covers a window that has ended (the latest 17:00 in the account's zone), while these
// callbacks finish now: after they finish, their completion times are moved back to an hour
// before that 17:00 (nothing else is changed), and the account's zone is one where 17:00 is
// hours away, so the running reports role has nothing due during the test.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type DbHandle, generateMasterKey } from "@rebound/db";
import { createTestDatabase } from "@rebound/db/testing";
import { latestSendAt, reportWindow } from "@rebound/reports";
import {
  type ResendApiStub,
  type SmtpSink,
  startResendApiStub,
  startSmtpSink,
} from "@rebound/reports/testing";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountApi, accountApi } from "../testing/account-api.ts";
import { callApi } from "../testing/api-client.ts";
import {
  type EmbeddedRebound,
  openStoppedDataDir,
  removeDataDir,
  startEmbedded,
  tempDataDir,
} from "../testing/embedded-rebound.ts";
import {
  type RunningRebound,
  runRebound,
  runReboundAsync,
  startRebound,
} from "../testing/rebound-process.ts";
import { type Receiver, startReceiver } from "../testing/receiver.ts";
import { waitFor } from "../testing/wait-for.ts";

const HOUR = 3_600_000;
const RECIPIENTS = "ops@acme.example, cto@acme.example";

/** Of three zones 8–9 hours apart, the one whose wall clock is farthest from 17:00 now. */
function zoneFarFromReportTime(now: Date): string {
  const distance = (zone: string) => {
    const hour = Number(
      new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" })
        .format(now)
        .slice(0, 2),
    );
    const gap = Math.abs(hour - 17);
    return Math.min(gap, 24 - gap);
  };
  const zones = ["UTC", "Asia/Tokyo", "America/Los_Angeles"];
  return zones.reduce((best, zone) => (distance(zone) > distance(best) ? zone : best));
}

/** Moves the account's finished callbacks so the latest finishes an hour before `windowEnd`. */
async function finishBefore(handle: DbHandle, accountId: string, windowEnd: Date): Promise<void> {
  await handle.query(
    `update deliveries set completed_at = completed_at - (
       (select max(completed_at) from deliveries where account_id = $1::uuid) - $2::timestamptz)
      where account_id = $1::uuid and completed_at is not null`,
    [accountId, new Date(windowEnd.getTime() - HOUR).toISOString()],
  );
}

async function accountIdOf(handle: DbHandle, sid: string): Promise<string> {
  const [row] = await handle.query<{ id: string }>("select id from accounts where sid = $1", [sid]);
  if (row === undefined) throw new Error(`no account ${sid}`);
  return row.id;
}

const finished = (api: AccountApi, id: string) =>
  api.waitForCallback(
    id,
    (callback) => callback.status === "delivered" || callback.status === "failed",
    "delivered or failed",
  );

describe("callback reports, embedded (under Bun)", () => {
  const dataDir = tempDataDir("reports");
  const outbox = join(dataDir, "outbox");
  const env = { REBOUND_DATA_DIR: dataDir };
  let receiver: Receiver;
  let running: EmbeddedRebound | undefined;
  let resend: ResendApiStub;
  let smtp: SmtpSink;
  let sid = "";
  let accountId = "";
  let timeZone = "UTC";
  let dailyEnd = new Date(0);
  const emlFiles = () => readdirSync(outbox).filter((name) => name.endsWith(".eml"));

  beforeAll(async () => {
    receiver = await startReceiver((request) => ({
      status: request.path.startsWith("/fail/") ? 500 : 200,
    }));
    resend = await startResendApiStub();
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    running?.rebound.kill();
    await receiver?.close();
    await resend?.close();
    await smtp?.close();
    removeDataDir(dataDir);
  });

  it("runs the reports role in the embedded default and records callbacks for the report", async () => {
    running = await startEmbedded(dataDir, { REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8" });
    const { api, rebound } = running;
    sid = running.credentials.sid;
    expect(rebound.stdout()).toContain(`Rebound reports running (mail via outbox ${outbox})`);
    timeZone = zoneFarFromReportTime(new Date());
    const call = (path: string, method: string, body: unknown) =>
      callApi(`${api.base}${path}`, running?.credentials.apiKey ?? "", { method, body });
    expect((await call("/account", "PATCH", { timezone: timeZone })).status).toBe(200);

    const orders = await api.createProfile({
      title: "Orders",
      http_method: "POST",
      url: `${receiver.url}/ok/<key>`,
      body: { key: "<key>" },
    });
    const failing = await api.createProfile({
      title: "Failing",
      http_method: "POST",
      url: `${receiver.url}/fail/<key>`,
      body: { key: "<key>" },
      retry_schedule: [1],
    });
    const accepted = [
      ...(await api.triggerBatch(orders, [{ key: "a" }, { key: "b" }, { key: "c" }])),
      ...(await api.triggerBatch(failing, [{ key: "x" }, { key: "y" }])),
    ];
    const outcomes = await Promise.all(accepted.map((callback) => finished(api, callback.id)));
    expect(outcomes.map((callback) => callback.status).sort()).toEqual([
      "delivered",
      "delivered",
      "delivered",
      "failed",
      "failed",
    ]);
    const settings = await call("/settings/callback-report", "PUT", {
      enabled: true,
      frequencies: ["daily", "weekly", "monthly"],
      emails: RECIPIENTS,
    });
    expect(settings.status).toBe(200);

    expect(await rebound.stop("SIGTERM")).toBe(0);
    // Windows that ended before the settings were saved are not owed: nothing was sent.
    expect(readdirSync(dataDir)).not.toContain("outbox");
    const database = await openStoppedDataDir(dataDir);
    try {
      accountId = await accountIdOf(database, sid);
      dailyEnd = latestSendAt("daily", new Date(), timeZone);
      await finishBefore(database, accountId, dailyEnd);
    } finally {
      await database.close();
    }
  });

  it("`report send` writes the daily report with the window's counts to the outbox, once", async () => {
    const sent = await runReboundAsync(
      ["report", "send", "--sid", sid, "--frequency", "daily"],
      env,
    );
    expect(sent.stderr).toBe("");
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain(`mail via outbox ${outbox}`);
    expect(sent.stdout).toContain(`sent to ${RECIPIENTS}: 3 delivered, 2 failed`);

    const [eml, ...others] = emlFiles();
    expect(others).toEqual([]);
    const mail = await simpleParser(readFileSync(join(outbox, eml ?? "")));
    expect(mail.subject).toBe("Daily callback report for Demo: 3 delivered, 2 failed");
    expect(mail.from?.value).toEqual([{ name: "Rebound", address: "reports@rebound.localhost" }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : "").toBe(RECIPIENTS);
    expect(mail.headers.get("x-rebound-report")).toBe("daily");
    expect(mail.text).toContain("Orders");
    expect(mail.text).toContain("Failing");
    expect(mail.text).toContain("HTTP 500");
    expect(mail.text).toContain(`(${timeZone})`);
    expect(readdirSync(outbox)).toContain(eml?.replace(/\.eml$/, ".html"));

    const again = await runReboundAsync(
      ["report", "send", "--sid", sid, "--frequency", "daily"],
      env,
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("was already sent");
    expect(again.stdout).toContain("not sent again");
    expect(emlFiles()).toHaveLength(1);
  });

  it("sends through Resend (RESEND_BASE_URL) with the window's idempotency key", async () => {
    const resendEnv = {
      ...env,
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: resend.baseUrl,
      REBOUND_MAIL_FROM: "Acme Reports <reports@acme.example>",
    };
    const weekly = reportWindow("weekly", new Date(), timeZone);
    const finishedAt = dailyEnd.getTime() - HOUR;
    const inWeek = finishedAt >= weekly.start.getTime() && finishedAt < weekly.end.getTime();

    const sent = await runReboundAsync(
      ["report", "send", "--sid", sid, "--frequency", "weekly"],
      resendEnv,
    );
    const again = await runReboundAsync(
      ["report", "send", "--sid", sid, "--frequency", "weekly"],
      resendEnv,
    );

    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain(`mail via resend ${resend.baseUrl}`);
    expect(again.stdout).toContain("was already sent");
    expect(resend.requests).toHaveLength(1);
    const [request] = resend.requests;
    expect(request).toMatchObject({ method: "POST", path: "/emails" });
    expect(request?.headers.authorization).toBe("Bearer re_test_key");
    expect(request?.headers["idempotency-key"]).toBe(
      `report:${accountId}:weekly:${weekly.end.toISOString()}`,
    );
    expect(request?.body).toMatchObject({
      from: "Acme Reports <reports@acme.example>",
      to: ["ops@acme.example", "cto@acme.example"],
      subject: `Weekly callback report for Demo: ${inWeek ? "3 delivered, 2 failed" : "0 delivered, 0 failed"}`,
    });
  });

  it("records a refused send as failed, exits 1, and sends it again by hand", async () => {
    const resendEnv = {
      ...env,
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: resend.baseUrl,
      REBOUND_MAIL_FROM: "Acme Reports <reports@acme.example>",
    };
    const dayBefore = new Date(dailyEnd.getTime() - 1).toISOString();
    const args = ["report", "send", "--sid", sid, "--frequency", "daily", "--now", dayBefore];
    resend.respondWith({
      status: 403,
      body: {
        statusCode: 403,
        name: "validation_error",
        message: "The acme.example domain is not verified",
      },
    });

    const failed = await runReboundAsync(args, resendEnv);
    const retried = await runReboundAsync(args, resendEnv);

    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("FAILED after 1 attempt(s)");
    expect(failed.stderr).toContain("domain is not verified");
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain("sent to");
    const keys = resend.requests.slice(1).map((request) => request.headers["idempotency-key"]);
    expect(keys).toEqual([keys[0], keys[0]]);
  });

  it("sends through SMTP (SMTP_URL) to the recipients", async () => {
    const sent = await runReboundAsync(["report", "send", "--sid", sid, "--frequency", "monthly"], {
      ...env,
      SMTP_URL: smtp.url,
    });

    expect(sent.stderr).toBe("");
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain(`mail via smtp ${smtp.url}`);
    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received?.to).toEqual(["ops@acme.example", "cto@acme.example"]);
    expect(received?.from).toBe("reports@rebound.localhost");
    expect(received?.parsed.subject).toMatch(/^Monthly callback report for Demo: \d+ delivered/);
    expect(received?.parsed.headers.get("x-rebound-report")).toBe("monthly");
  });

  it("refuses unknown accounts, missing options and a window that has not ended", () => {
    const unknown = runRebound(["report", "send", "--sid", "RBNOPE", "--frequency", "daily"], env);
    expect(unknown).toMatchObject({ code: 1, stdout: "" });
    expect(unknown.stderr).toContain("no account with SID RBNOPE");
    const future = runRebound(
      ["report", "send", "--sid", sid, "--frequency", "daily", "--now", "2999-01-01T00:00:00Z"],
      env,
    );
    expect(future.code).toBe(2);
    expect(future.stderr).toContain("--now is in the future");
  });
});

const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.warn("DATABASE_URL is not set: PostgreSQL reports e2e is SKIPPED");

describe.runIf(hasPostgres)("the reports role on PostgreSQL (under Bun)", () => {
  let handle: DbHandle | undefined;
  let receiver: Receiver;
  let smtp: SmtpSink;
  const processes: RunningRebound[] = [];
  const env: Record<string, string> = {
    REBOUND_MASTER_KEY: generateMasterKey(),
    REBOUND_ALLOW_PRIVATE_TARGETS: "127.0.0.0/8",
  };

  beforeAll(async () => {
    handle = await createTestDatabase("postgres");
    if (handle.config.driver !== "postgres") throw new Error("expected a PostgreSQL database");
    env.DATABASE_URL = handle.config.url;
    receiver = await startReceiver(() => ({ status: 410 }));
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    for (const process of processes) process.kill();
    await receiver?.close();
    await smtp?.close();
    await handle?.close();
  });

  it("emails an auto-disable at start, shares claims with a hand send, stops on SIGTERM", async () => {
    if (handle === undefined) throw new Error("no database");
    const timeZone = zoneFarFromReportTime(new Date());
    const created = runRebound(
      ["account", "create", "--name", "Acme", "--timezone", timeZone, "--json"],
      env,
    );
    const { sid, api_key } = JSON.parse(created.stdout) as { sid: string; api_key: string };
    const apiProcess = await startRebound(["--role", "api", "--port", "0"], env);
    processes.push(apiProcess);
    processes.push(await startRebound(["--role", "dispatcher", "--port", "0"], env));
    const api = accountApi(apiProcess.url, { sid, apiKey: api_key });
    const put = await callApi(`${api.base}/settings/callback-report`, api_key, {
      method: "PUT",
      body: { enabled: true, frequencies: ["daily"], emails: RECIPIENTS },
    });
    expect(put.status).toBe(200);
    const gone = await api.createProfile({
      title: "Gone hook",
      http_method: "POST",
      url: `${receiver.url}/gone`,
      body: { order: 1 },
    });
    const callback = await finished(api, (await api.trigger(gone)).id);
    expect(callback.last_status_code).toBe(410);
    expect((await api.profile(gone)).status).toBe(2);

    const reports = await startRebound(["--role", "reports", "--port", "0"], {
      ...env,
      SMTP_URL: smtp.url,
      REBOUND_MAIL_FROM: "Rebound <reports@rebound.example>",
    });
    processes.push(reports);
    expect(reports.stdout()).toContain(
      `Rebound reports running (mail via smtp ${smtp.url}; health on ${reports.url}/healthz)`,
    );
    const [notice] = await waitFor(() => smtp.received.length > 0 && smtp.received, "the notice");
    expect(notice?.parsed.subject).toBe('Callback profile "Gone hook" was auto-disabled');
    expect(notice?.to).toEqual(["ops@acme.example", "cto@acme.example"]);
    expect(notice?.parsed.text).toContain("HTTP 410 Gone");
    expect((await fetch(`${reports.url}/healthz`)).status).toBe(200);

    const accountId = await accountIdOf(handle, sid);
    const dailyEnd = latestSendAt("daily", new Date(), timeZone);
    await finishBefore(handle, accountId, dailyEnd);
    const sendEnv = { ...env, SMTP_URL: smtp.url };
    const args = ["report", "send", "--sid", sid, "--frequency", "daily"];
    const sent = await runReboundAsync(args, sendEnv);
    const again = await runReboundAsync(args, sendEnv);

    expect(sent.code).toBe(0);
    expect(again.stdout).toContain("was already sent");
    expect(smtp.received.map((mail) => mail.parsed.subject)).toEqual([
      'Callback profile "Gone hook" was auto-disabled',
      "Daily callback report for Acme: 0 delivered, 1 failed",
    ]);
    const notices = await handle.query<{ status: string; recipients: string }>(
      "select status, recipients from auto_disable_notices",
    );
    expect(notices).toEqual([{ status: "sent", recipients: RECIPIENTS }]);

    expect(await reports.stop("SIGTERM")).toBe(0);
    expect(reports.stderr()).not.toContain("reports:");
    expect(smtp.received).toHaveLength(2);

    // Re-enabled through the API, then disabled again by the dispatcher: a new disable, a new
    // notice, sent by the next reports process at its start.
    expect((await api.patchProfile(gone, { status: 1 })).status).toBe(200);
    const again410 = await finished(api, (await api.trigger(gone)).id);
    expect(again410.last_status_code).toBe(410);
    const restarted = await startRebound(["--role", "reports", "--port", "0"], {
      ...env,
      SMTP_URL: smtp.url,
      REBOUND_MAIL_FROM: "Rebound <reports@rebound.example>",
    });
    processes.push(restarted);
    await waitFor(() => smtp.received.length === 3, "the second notice");
    expect(smtp.received[2]?.parsed.subject).toBe('Callback profile "Gone hook" was auto-disabled');
    expect(await restarted.stop("SIGTERM")).toBe(0);
    const sentNotices = await handle.query<{ status: string }>(
      "select status from auto_disable_notices order by disabled_at",
    );
    expect(sentNotices).toEqual([{ status: "sent" }, { status: "sent" }]);
    expect(smtp.received).toHaveLength(3);
  });

  it("two reports processes started together send each missed window once", async () => {
    if (handle === undefined) throw new Error("no database");
    const created = runRebound(
      ["account", "create", "--name", "Twin Co", "--timezone", "Asia/Kolkata", "--json"],
      env,
    );
    const { sid } = JSON.parse(created.stdout) as { sid: string };
    const accountId = await accountIdOf(handle, sid);
    // Saved weeks ago: the latest daily and weekly windows are owed, and nobody has sent them.
    await handle.query(
      `insert into report_settings (account_id, enabled, frequencies, emails, created_at, modified_at)
       values ($1, true, '["daily","weekly"]'::jsonb, 'twins@acme.example', $2, $2)`,
      [accountId, new Date(Date.now() - 40 * 24 * HOUR).toISOString()],
    );
    const twinMail = () => smtp.received.filter((mail) => mail.parsed.subject?.includes("Twin Co"));
    const reportsEnv = {
      ...env,
      SMTP_URL: smtp.url,
      REBOUND_MAIL_FROM: "Rebound <reports@rebound.example>",
    };
    const twins = await Promise.all([
      startRebound(["--role", "reports", "--port", "0"], reportsEnv),
      startRebound(["--role", "reports", "--port", "0"], reportsEnv),
    ]);
    processes.push(...twins);
    await waitFor(() => twinMail().length >= 2, "the two reports");
    // Both processes have run their start tick; give a duplicate every chance to arrive.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(
      twinMail()
        .map((mail) => mail.parsed.subject)
        .sort(),
    ).toEqual([
      "Daily callback report for Twin Co: 0 delivered, 0 failed",
      "Weekly callback report for Twin Co: 0 delivered, 0 failed",
    ]);
    const runs = await handle.query<{ frequency: string; status: string; window_end: Date }>(
      "select frequency, status, window_end from report_runs where account_id = $1 order by frequency",
      [accountId],
    );
    expect(runs.map((run) => [run.frequency, run.status])).toEqual([
      ["daily", "sent"],
      ["weekly", "sent"],
    ]);
    expect(new Date(runs[0]?.window_end ?? 0)).toEqual(
      latestSendAt("daily", new Date(), "Asia/Kolkata"),
    );
    for (const twin of twins) expect(await twin.stop("SIGTERM")).toBe(0);
  });
});
