export type {
  BuildCallbackRequestOptions,
  BuildCallbackRequestResult,
  CallbackEvent,
  CallbackRequest,
  RenderableProfile,
  RenderError,
  RenderErrorCode,
} from "./build-callback-request.ts";
export { buildCallbackRequest, DEFAULT_USER_AGENT } from "./build-callback-request.ts";
export type { RenderResponseMessageResult } from "./render-response-message.ts";
export { renderResponseMessage } from "./render-response-message.ts";
