// The baseline: NLP.js (@nlpjs/nlp), trained on the same intents/ examples and the same entities.
import type { KnowledgeBase } from '../src/nlu/knowledge-base';

// NLP.js ships no type declarations; these are the few calls the baseline makes.
interface NlpResult {
  intent: string;
  score: number;
}
interface Nlp {
  settings: { autoSave: boolean; log?: boolean };
  addLanguage(lang: string): void;
  addNerRuleOptionTexts(locale: string, entity: string, option: string, texts: string[]): void;
  addDocument(lang: string, utterance: string, intent: string): void;
  train(): Promise<void>;
  process(lang: string, text: string): Promise<NlpResult>;
}
interface Container {
  use(plugin: unknown): void;
  get(name: 'nlp'): Nlp;
}

export async function trainNlpJs(kb: KnowledgeBase): Promise<(text: string) => Promise<string>> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { containerBootstrap } = require('@nlpjs/core') as { containerBootstrap: () => Promise<Container> };
  const { Nlp } = require('@nlpjs/nlp') as { Nlp: unknown };
  const { LangEn } = require('@nlpjs/lang-en-min') as { LangEn: unknown };
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  const nlp = container.get('nlp');
  nlp.settings.autoSave = false;
  nlp.settings.log = false;
  nlp.addLanguage('en');
  for (const s of kb.services) nlp.addNerRuleOptionTexts('en', 'service', s.id, [s.name, ...(s.fullName ? [s.fullName] : []), ...s.aliases]);
  for (const t of kb.tasks) {
    const single = t.when.filter((rule) => rule.length === 1).flatMap((rule) => kb.terms[rule[0]!] ?? []);
    nlp.addNerRuleOptionTexts('en', 'task', t.id, [t.name, ...t.phrases, ...single]);
  }
  for (const c of kb.concepts) nlp.addNerRuleOptionTexts('en', 'concept', c.id, [c.name, ...c.aliases]);
  for (const c of kb.categories.values()) nlp.addNerRuleOptionTexts('en', 'category', c.id, [c.name, ...c.aliases]);
  for (const file of kb.intents)
    for (const ex of file.examples) nlp.addDocument('en', ex.replace(/\{(service|task|concept|category)\}/g, '@$1'), file.intent === 'unknown' ? 'None' : file.intent);
  // NLP.js prints every training epoch on the console; keep the benchmark's output readable.
  const log = console.log;
  console.log = () => undefined;
  try {
    await nlp.train();
  } finally {
    console.log = log;
  }
  return async (text: string) => {
    const r = await nlp.process('en', text);
    return !r.intent || r.intent === 'None' ? 'unknown' : r.intent;
  };
}
