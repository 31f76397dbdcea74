// One way to shorten text for every renderer: at a word boundary, marked with "…". Renderers cut the
// plain text first and escape after, so a cut can never land inside an escape and undo it.

/** Cuts at a word boundary (or mid-word when no boundary is near) and marks the cut. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…';
  let end = text.lastIndexOf(' ', max - 1);
  if (end < max * 0.6) end = max - 1;
  // Never leave half of a surrogate pair at the end.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Cuts, then escapes, shortening further until the escaped text fits (escaping can lengthen it). */
export function cutThenEscape(text: string, max: number, escape: (s: string) => string): string {
  let budget = max;
  for (;;) {
    const out = escape(cutText(text, budget));
    if (out.length <= max) return out;
    // Escapes lengthen the text in proportion to what they escape: shrink the budget the same way.
    budget = Math.min(budget - 1, Math.floor((budget * max) / out.length));
    if (budget <= 1) return '…';
  }
}
