import { renderText } from "../replacers/render-template.ts";
import { VariableResolver } from "../replacers/variable-resolver.ts";

export interface RenderResponseMessageResult {
  text: string;
  missingVariables: string[];
}

/**
 * Renders a profile's `response_message` after a successful delivery (chatbots): variables are
 * read from the receiver's JSON response first, then from the event data.
 *
 * @example renderResponseMessage("Thank you, <name>", { response: { name: "John" }, data: {} })
 * // { text: "Thank you, John", missingVariables: [] }
 */
export function renderResponseMessage(
  template: string,
  sources: { response: unknown; data: unknown },
): RenderResponseMessageResult {
  const resolver = new VariableResolver({ sources: [sources.response, sources.data] });
  const text = renderText(template, resolver);
  return { text, missingVariables: resolver.missing };
}
