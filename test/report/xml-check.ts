/**
 * A small XML well-formedness check for the generated SVGs (Node has no XML parser): tags
 * balance on a stack, attributes are quoted, entities are the five XML ones or numeric, and no
 * raw "<" or "&" appears in text. Enough for machine-written SVG; not a general parser.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const token =
    /<\?[^?]*\?>|<!--[\s\S]*?-->|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  let last = 0;
  for (let m = token.exec(xml); m !== null; m = token.exec(xml)) {
    checkText(xml.slice(last, m.index), problems);
    last = token.lastIndex;
    const [, close, open, , selfClose] = m;
    if (close !== undefined) {
      const top = stack.pop();
      if (top !== close) problems.push(`</${close}> closes <${top ?? "nothing"}>`);
    } else if (open !== undefined && selfClose !== "/") stack.push(open);
  }
  checkText(xml.slice(last), problems);
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(", ")}`);
  return problems;
}

function checkText(text: string, problems: string[]): void {
  if (text.includes("<")) problems.push(`stray "<" or malformed tag near: ${text.slice(text.indexOf("<"), text.indexOf("<") + 40)}`);
  for (const m of text.matchAll(/&([^;\s]*);?/g)) {
    if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1] ?? "") || !m[0].endsWith(";")) problems.push(`bad entity ${m[0]}`);
  }
}
