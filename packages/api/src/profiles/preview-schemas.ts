import { type Static, Type } from "@sinclair/typebox";
import { EventDataSchema, TriggerEventNameSchema } from "../callbacks/trigger-body.ts";

/** Body of `POST /callback/profiles/preview`: an unsaved profile and the event to render. */
export const ProfilePreviewBodySchema = Type.Object(
  {
    profile: Type.Record(Type.String(), Type.Unknown(), {
      description:
        "The profile as for create (title is ignored), or with profile_id a partial update of that profile (masked enc key/IV = unchanged)",
    }),
    profile_id: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: "Render the stored profile with `profile` applied as an update",
      }),
    ),
    event: Type.Optional(TriggerEventNameSchema),
    data: Type.Optional(EventDataSchema),
  },
  {
    additionalProperties: false,
    description:
      "event defaults to the profile's first event (or `test`); data to a sample with every dynamic variable",
  },
);
export type ProfilePreviewBody = Static<typeof ProfilePreviewBodySchema>;

const StringMap = Type.Record(Type.String(), Type.String());

/** What the preview returns: the request the dispatcher would send, secrets redacted. */
export const ProfilePreviewViewSchema = Type.Object({
  event: Type.String(),
  data: Type.Unknown({ description: "The event data rendered (given or sampled)" }),
  request: Type.Union(
    [
      Type.Object({
        method: Type.String(),
        url: Type.String(),
        headers: StringMap,
        body: Type.Union([Type.String(), Type.Null()], { description: "Decoded as UTF-8" }),
      }),
      Type.Null(),
    ],
    {
      description:
        "null when rendering failed; webhook-id, webhook-timestamp and webhook-signature are added when sending",
    },
  ),
  missing_variables: Type.Array(Type.String()),
  render_error: Type.Union([
    Type.Object({ code: Type.String(), message: Type.String() }),
    Type.Null(),
  ]),
  warnings: Type.Array(Type.String()),
});
export type ProfilePreviewView = Static<typeof ProfilePreviewViewSchema>;
