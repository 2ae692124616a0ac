import { render } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import { singleLine } from "./email-format.ts";

/** A React Email template with its subject line and the props the preview and tests use. */
export interface EmailTemplate<Props extends object> {
  /** File-name friendly, e.g. `callback-report`. */
  name: string;
  component: (props: Props) => ReactElement;
  subject: (props: Props) => string;
  previewProps: Props;
}

export interface RenderedEmail {
  /** One line: control characters, CR and LF from user-controlled text are replaced. */
  subject: string;
  html: string;
  text: string;
}

// Longest subject kept; titles and company names are user input.
const MAX_SUBJECT_LENGTH = 200;

const htmlToTextOptions = {
  selectors: [
    // Figures as aligned columns; React Email's layout tables stay plain blocks.
    {
      selector: "table[data-text-table]",
      format: "dataTable",
      options: { uppercaseHeaderCells: false, maxColumnWidth: 80 },
    },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
  ],
};

/**
 * Renders `template` with `props` into the three parts of an email: the subject, the HTML
 * (React escapes every string, so profile titles and reasons cannot inject markup) and the
 * plain-text alternative derived from the same HTML.
 *
 * @example
 * const { subject, html, text } = await renderEmail(callbackReportTemplate, props);
 */
export async function renderEmail<Props extends object>(
  template: EmailTemplate<Props>,
  props: Props,
): Promise<RenderedEmail> {
  const element = createElement(template.component, props);
  const html = await render(element);
  const text = await render(element, { plainText: true, htmlToTextOptions });
  const characters = Array.from(singleLine(template.subject(props)));
  const subject =
    characters.length > MAX_SUBJECT_LENGTH
      ? `${characters.slice(0, MAX_SUBJECT_LENGTH - 1).join("")}…`
      : characters.join("");
  return { subject, html, text };
}
