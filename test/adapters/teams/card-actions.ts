// What a person can press on an Adaptive Card, wherever renderCard put it: buttons in the body's
// ActionSets, rows that are buttons themselves (a Container's selectAction), and the card's own actions.
import type { AdaptiveCard, CardElement } from '../../../src/adapters/teams/cards';

/** Every action of the card in reading order: the body top to bottom, then the card's actions (👍/👎). */
export function cardActions<A extends object = CardElement>(card: { body: readonly object[]; actions?: readonly object[] }): A[] {
  const out: A[] = [];
  const walk = (elements: unknown): void => {
    if (!Array.isArray(elements)) return;
    for (const e of elements as CardElement[]) {
      if (e.selectAction) out.push(e.selectAction as A);
      if (e.type === 'ActionSet') out.push(...((e.actions as A[] | undefined) ?? []));
      walk(e.items);
      walk(e.columns);
    }
  };
  walk(card.body);
  out.push(...((card.actions ?? []) as A[]));
  return out;
}

/** The rows of buttons a person sees: each ActionSet of the body, then the card's own actions. */
export function buttonRows(card: Pick<AdaptiveCard, 'body' | 'actions'>): CardElement[][] {
  const rows = card.body.filter((e) => e.type === 'ActionSet').map((e) => (e.actions as CardElement[] | undefined) ?? []);
  return card.actions.length > 0 ? [...rows, card.actions] : rows;
}
