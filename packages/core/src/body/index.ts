export type { BodyEncoding } from "./body-encoding.ts";
export { bodyEncodingOf, defaultContentType, findHeader, mediaTypeOf } from "./body-encoding.ts";
export type { EncodeBodyOptions, EncodedBody } from "./encode-body.ts";
export { encodeBody } from "./encode-body.ts";
export type { FormField } from "./form-fields.ts";
export { encodeUrlencoded, flattenFormFields } from "./form-fields.ts";
export { encodeMultipart, multipartBoundary } from "./multipart.ts";
