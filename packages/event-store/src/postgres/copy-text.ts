const SPECIAL = /[\\\n\r\t]/;
const SPECIALS = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A value as one field of `COPY … FROM STDIN` in text format: backslash, newline, carriage return and
 * tab escaped (the format's delimiters); anything else as it is. Most values hold none, so they are
 * returned without a replace.
 */
export const copyTextField = (text: string): string =>
  SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : text;
