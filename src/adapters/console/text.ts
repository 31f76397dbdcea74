// Reply → text for a terminal or a pipe: the same content the chat adapters render richly.
import { clean } from '../../reply/plain-text';
import { fullSections, OWNER_LABEL, type Reply } from '../../reply/reply';

export interface TextStyle {
  color: boolean;
}

const ANSI = { bold: '\x1b[1m', dim: '\x1b[2m', reset: '\x1b[0m', aws: '\x1b[33m', customer: '\x1b[36m', shared: '\x1b[35m' };


export function renderText(reply: Reply, style: TextStyle = { color: false }): string {
  const c = (code: string, s: string): string => (style.color ? `${code}${s}${ANSI.reset}` : s);
  const lines: string[] = [];
  const badge = reply.owner ? c(ANSI.bold + ANSI[reply.owner], `[${OWNER_LABEL[reply.owner]}]`) + ' ' : '';
  lines.push(badge + c(ANSI.bold, clean(reply.title)));
  lines.push(clean(reply.summary));
  for (const s of fullSections(reply)) lines.push(`• ${c(ANSI.bold, clean(s.label))}: ${clean(s.text)}`);
  if (reply.choices.length > 0) {
    lines.push(`${c(ANSI.dim, `${clean(reply.choicesLabel ?? 'Options')}:`)}`);
    reply.choices.forEach((ch, i) => lines.push(`  ${i + 1}. ${clean(ch.label)}`));
  }
  if (reply.sources.length > 0) lines.push(`${c(ANSI.dim, 'Sources:')} ${reply.sources.map((s) => s.url).join(' ')}`);
  return lines.join('\n');
}
