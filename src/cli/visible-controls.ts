/**
 * C0 and C1 control characters (and DEL), except the tab and the newline that lay out a message:
 * a study key, a condition value or a column name can hold an escape sequence, and printed raw it
 * would recolour, move or erase what the terminal shows.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print on a terminal: each control character shown as its escape, e.g. `\x1b`. */
export function visibleControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
