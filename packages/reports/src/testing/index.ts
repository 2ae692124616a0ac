// @rebound/reports/testing: local stand-ins for mail providers and database seeds, for the
// tests of this package and of the processes that run it.
export type { MemoryTransport } from "../mail/testing/memory-transport.ts";
export { createMemoryTransport } from "../mail/testing/memory-transport.ts";
export type {
  RecordedRequest,
  ResendApiStub,
  ScriptedResponse,
} from "../mail/testing/resend-api.ts";
export { startResendApiStub } from "../mail/testing/resend-api.ts";
export type { ReceivedMail, SmtpSink, SmtpSinkOptions } from "../mail/testing/smtp-sink.ts";
export { closedPort, startSilentServer, startSmtpSink } from "../mail/testing/smtp-sink.ts";
export type {
  SeedDeliveryInput,
  SeededProfile,
  SeedProfileInput,
  SeedReportSettingsInput,
} from "./report-seed.ts";
export { seedAccount, seedDelivery, seedProfile, seedReportSettings } from "./report-seed.ts";
