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
export { REDACTED, redactHeaders } from "./redact-headers.ts";
export type { RenderResponseMessageResult } from "./render-response-message.ts";
export { renderResponseMessage } from "./render-response-message.ts";
export type {
  SendErrorClass,
  SendResult,
  TestCallbackInput,
  TestSendResult,
} from "./send-result.ts";
