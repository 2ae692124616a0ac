export type { TemplateParts, TemplateVariables } from "./placeholders.ts";
export {
  collectTemplateVariables,
  findPlaceholders,
  isMarkupBody,
  PLACEHOLDER_PATTERN,
  wholePlaceholderPath,
} from "./placeholders.ts";
export type { Escape, RenderTextOptions } from "./render-template.ts";
export {
  escapeUrlComponent,
  escapeXml,
  noEscape,
  renderJsonTemplate,
  renderText,
  textOf,
} from "./render-template.ts";
export type { LookupResult, PathSegment } from "./variable-path.ts";
export {
  isPathWithin,
  lookupVariable,
  parseVariablePath,
  VARIABLE_PATH_SOURCE,
} from "./variable-path.ts";
export type {
  ResolvedVariable,
  ValueTransform,
  VariableResolverOptions,
} from "./variable-resolver.ts";
export { VariableResolver } from "./variable-resolver.ts";
