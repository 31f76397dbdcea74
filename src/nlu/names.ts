// A name must lead to one thing: two services (or two concepts, or a service and a concept) that
// share an alias would make the matcher guess. Names are compared the way the matcher reads them.
import type { DataFiles, Problem } from '../kb/load';
import { stem, tokenize } from './normalize';

/** The form two phrases share when the matcher would treat them as the same words. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase).map(stem).join(' ');
}

/**
 * Reports every name that points at two things. A task may share a word with a service ("iam"):
 * the matcher tells those apart by the task's other words.
 */
export function checkNames(raw: DataFiles, problems: Problem[]): void {
  const DATA = (name: string): string => `${raw.dataLabel}/${name}.yaml`;
  const owners = new Map<string, string>(); // phrase key → "service rds"
  const claim = (phrase: string, owner: string, file: string, path: string): void => {
    const key = phraseKey(phrase);
    if (!key) {
      problems.push({ file, path, message: `"${phrase}" has no words the matcher can use` });
      return;
    }
    const prior = owners.get(key);
    // A category and the concept that explains it may share a name: both lead to the same answer.
    const sameIdea = (a: string, b: string): boolean => a.replace(/^category (.*)$/, 'concept $1-services') === b;
    if (prior && prior !== owner && !sameIdea(owner, prior) && !sameIdea(prior, owner)) problems.push({ file, path, message: `"${phrase}" points at two things: ${prior} and ${owner}` });
    else owners.set(key, owner);
  };
  raw.services.services.forEach((s, i) => {
    const who = `service ${s.id}`;
    claim(s.name, who, DATA('services'), `services[${i}].name`);
    if (s.fullName) claim(s.fullName, who, DATA('services'), `services[${i}].fullName`);
    s.aliases.forEach((a, j) => claim(a, who, DATA('services'), `services[${i}].aliases[${j}]`));
  });
  raw.concepts.concepts.forEach((c, i) => {
    const who = `concept ${c.id}`;
    claim(c.name, who, DATA('concepts'), `concepts[${i}].name`);
    c.aliases.forEach((a, j) => claim(a, who, DATA('concepts'), `concepts[${i}].aliases[${j}]`));
  });
  raw.categories.categories.forEach((c, i) => {
    const who = `category ${c.id}`;
    claim(c.name, who, DATA('categories'), `categories[${i}].name`);
    c.aliases.forEach((a, j) => claim(a, who, DATA('categories'), `categories[${i}].aliases[${j}]`));
  });

  const taskPhrases = new Map<string, string>();
  raw.tasks.tasks.forEach((t, i) =>
    t.phrases.forEach((p, j) => {
      const key = phraseKey(p);
      const prior = taskPhrases.get(key);
      if (prior && prior !== t.id)
        problems.push({ file: DATA('tasks'), path: `tasks[${i}].phrases[${j}]`, message: `"${p}" points at two tasks: ${prior} and ${t.id}` });
      else taskPhrases.set(key, t.id);
    }),
  );
  const termPhrases = new Map<string, string>();
  for (const [term, phrases] of Object.entries(raw.tasks.terms)) {
    phrases.forEach((p, j) => {
      const key = phraseKey(p);
      const prior = termPhrases.get(key);
      if (prior && prior !== term)
        problems.push({ file: DATA('tasks'), path: `terms.${term}[${j}]`, message: `"${p}" is in two terms: ${prior} and ${term}` });
      else termPhrases.set(key, term);
    });
  }
}
