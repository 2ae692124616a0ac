import { callbackProfiles } from "../schema/callback-profiles.ts";
import { deliveries } from "../schema/deliveries.ts";
import type { DeliveryRow } from "../schema/index.ts";

/** A delivery with the public id of its profile (deliveries reference the internal uuid). */
export interface CallbackRecord {
  delivery: DeliveryRow;
  /** `<prefix>_<uuid>`, as the API shows it. */
  profileId: string;
}

/** The select shape of a `CallbackRecord` (deliveries joined with their profile). */
export const callbackRecordColumns = {
  delivery: deliveries,
  profileId: callbackProfiles.profileId,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Callback ids are uuids; anything else cannot exist (and must not reach a uuid column). */
export function isCallbackId(id: string): boolean {
  return UUID.test(id);
}
