import { findPlaceholders, PLACEHOLDER_PATTERN } from "../replacers/index.ts";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const UNSAFE_CHARACTERS = /[\s\u0000-\u001f\u007f]/;
const SCHEME_AND_AUTHORITY = /^[A-Za-z][A-Za-z0-9+.-]*:(?:\/\/[^/?#]*)?/;

/**
 * Problems with a profile URL template, as messages relative to `body/url`. Replacers are
 * allowed in the path and query only: a variable host or port would let event data choose where
 * the callback (and its credentials) goes. The URL string itself is kept as given.
 *
 * @example urlProblems("https://<host>/x") // ["may contain replacers only in the path and query, …"]
 */
export function urlProblems(url: string): string[] {
  if (UNSAFE_CHARACTERS.test(url)) {
    return ["must not contain spaces or control characters (percent-encode them)"];
  }
  const misplaced = replacersBeforePath(url);
  // The parse checks below would judge the stand-in letters, not the user's text: stop here.
  if (misplaced !== undefined) return [misplaced];
  const problems = replacersInFragment(url);
  const sample = url.replace(new RegExp(PLACEHOLDER_PATTERN.source, "g"), "a");
  if (sample.includes("<") || sample.includes(">")) {
    problems.push(
      "contains '<' or '>' outside a valid replacer; replacers look like <name>, <address.city> or <parts[0]>",
    );
    return problems;
  }
  const parsed = URL.canParse(sample) ? new URL(sample) : null;
  if (parsed === null) return [...problems, "must be an absolute http or https URL"];
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    problems.push(`must use http or https (got ${parsed.protocol.slice(0, -1)})`);
  }
  if (parsed.username !== "" || parsed.password !== "") {
    problems.push("must not contain credentials (user:password@); send them in a header instead");
  }
  return problems;
}

function replacersBeforePath(url: string): string | undefined {
  const prefixEnd = SCHEME_AND_AUTHORITY.exec(url)?.[0].length ?? url.search(/[/?#]|$/);
  const found = findPlaceholders(url.slice(0, prefixEnd));
  if (found.length === 0) return undefined;
  return `may contain replacers only in the path and query, not in the scheme, host, port or user info (found <${found.join(">, <")}>)`;
}

function replacersInFragment(url: string): string[] {
  const hashIndex = url.indexOf("#");
  const found = hashIndex < 0 ? [] : findPlaceholders(url.slice(hashIndex));
  if (found.length === 0) return [];
  return [
    `may contain replacers only in the path and query, not in the fragment (found <${found.join(">, <")}>)`,
  ];
}
