import { type Static, Type } from "@sinclair/typebox";
import { EventDataSchema, TriggerEventNameSchema } from "../callbacks/trigger-body.ts";

/** Body of `POST /callback/profiles/:id/test`; both fields optional (the body itself too). */
export const TestCallbackBodySchema = Type.Object(
  {
    event: Type.Optional(TriggerEventNameSchema),
    data: Type.Optional(EventDataSchema),
  },
  {
    additionalProperties: false,
    description:
      "event defaults to the profile's first event (or `test`); data to a sample with every dynamic variable",
  },
);
export type TestCallbackBody = Static<typeof TestCallbackBodySchema>;

const StringMap = Type.Record(Type.String(), Type.String());
const ERROR_CLASSES = ["timeout", "connect", "dns", "ssrf", "tls", "network"];

/** What the test endpoint returns: the request as sent (signature redacted) and its result. */
export const TestCallbackViewSchema = Type.Object({
  event: Type.String(),
  data: Type.Unknown(),
  request: Type.Object({ method: Type.String(), url: Type.String(), headers: StringMap }),
  result: Type.Union([
    Type.Object({
      kind: Type.Literal("response"),
      statusCode: Type.Integer(),
      headers: StringMap,
      body: Type.String({ description: "First 4 KB" }),
      durationMs: Type.Integer(),
    }),
    Type.Object({
      kind: Type.Literal("error"),
      errorClass: Type.Unsafe<string>({ type: "string", enum: ERROR_CLASSES }),
      message: Type.String(),
      durationMs: Type.Integer(),
    }),
    Type.Object({ kind: Type.Literal("render-error"), message: Type.String() }),
  ]),
  success: Type.Boolean({ description: "True for a 2xx response" }),
});
export type TestCallbackView = Static<typeof TestCallbackViewSchema>;
