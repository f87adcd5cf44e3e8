/**
 * What text a person types may hold. Names and free text are stored in NFC, so that one name typed on
 * two keyboards (a precomposed "ễ", or "e" with combining marks) is one name to search, sort and
 * compare. Refused outright:
 * - control characters (C0, DEL, C1): invisible, they make two different names look alike and break
 *   exports; free text keeps tab and line breaks;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder how
 *   the text around them is shown, so a name could display as something it is not;
 * - lone surrogates: broken UTF-16, which neither PostgreSQL nor a UTF-8 file can hold.
 */

const CONTROL = /\p{Cc}/u;
const LINE_BREAK_OR_TAB = /[\t\n\r]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const ANY_SUSPECT = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

export interface TextRule {
  /** Free text keeps tab and line breaks; names hold none. */
  allowLineBreaks: boolean;
}

/** The first character `text` may not hold under `rule`, as "U+202E", or undefined when there is none. */
export function forbiddenCharacterIn(text: string, rule: TextRule): string | undefined {
  if (!ANY_SUSPECT.test(text)) return undefined;
  for (const char of text) {
    const forbidden =
      (CONTROL.test(char) && !(rule.allowLineBreaks && LINE_BREAK_OR_TAB.test(char))) ||
      BIDI_CONTROL.test(char) ||
      LONE_SURROGATE.test(char);
    if (forbidden) return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

/**
 * Marks a validation issue as being about forbidden characters (in its `params`), so that the gateway
 * can answer it as INVALID_CHARACTERS rather than as a malformed request.
 */
export const FORBIDDEN_CHARACTERS_ISSUE = 'forbidden_characters';
