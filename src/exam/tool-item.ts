// Answers an item whose options are AWS services and features ("Which AWS service…?"): each option is
// read as a tool by name and scored by how much of its purpose the stem states; the tools that stand
// clear of the rest are picked. When the stem says nothing that tells the tools apart but asks about
// security, the tools whose area is security are the ones that fit (cost tools do not).
import type { ExamFile } from '../kb/exam-schema';
import type { ExamItem } from './parse';
import type { Ask, ExamAnswer } from './reason';
import { toolOf, toolScore } from './tools';

/** The answer, or undefined when the options are not (nearly all) tools the knowledge base knows. */
export function answerToolItem(exam: ExamFile, item: ExamItem, ask: Ask): ExamAnswer | undefined {
  const tools = item.options.map((o) => toolOf(exam, o.text));
  const known = tools.filter((t) => t !== undefined).length;
  if (known < Math.max(3, item.options.length - 1)) return undefined;
  let scores = tools.map((t) => (t ? toolScore(t, item.stem) : 0));
  const byPurpose = clearTop(scores, item.pick);
  // No purpose stands out: a stem about security (the customer's part "in the cloud") is met by the security tools.
  if (!byPurpose && /\bsecur/i.test(item.stem) && ask !== 'aws') scores = tools.map((t) => (t ? (t.area === 'security' ? 2 : 0) : 1));
  const chosen = byPurpose ?? clearTop(scores, item.pick);
  const picked = new Set(chosen ?? []);
  return {
    ask,
    choices: item.options.filter((_, i) => picked.has(i)).map((o) => o.letter),
    confidence: chosen ? 0.8 : 0,
    options: item.options.map((o, i) => {
      const t = tools[i];
      return {
        letter: o.letter,
        text: o.text,
        verdict: !chosen ? 'unknown' : picked.has(i) ? 'right' : t ? 'wrong' : 'unknown',
        reason: t ? `${t.name}: ${t.does}` : 'Outside what I know: not a service or feature I can place.',
        sources: t ? [t.source] : [],
      };
    }),
  };
}

/** The indexes of the `pick` best scores, when each is at least 2 and the next best is clearly lower. */
function clearTop(scores: number[], pick: number): number[] | undefined {
  const order = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s);
  const top = order.slice(0, pick);
  const next = order[pick];
  const last = top[top.length - 1]!.s;
  if (top.some((t) => t.s < 2)) return undefined;
  if (next && next.s > last - 2 && !(next.s <= 0)) return undefined;
  return top.map((t) => t.i);
}
