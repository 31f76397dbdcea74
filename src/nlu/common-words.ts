// Everyday English words that are never "typos" of a knowledge-base word, whatever their spelling
// distance. Without them "who won the game" could be "corrected" towards some AWS term.
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also always am an and another any anyone anything are around as ask asked at
  away back be because been before being below best better between both but by can cannot come could day did
  different do does doing done down during each either else enough even ever every everyone everything example
  few find first for from get gets getting give given go goes going good got had has have having he her here him
  his how i if in into is it its just keep kind know last least less let like likely look lot made main make many
  may maybe me might mine more most much must my myself need needs never new next night no none nor not nothing
  now of off often ok okay old on once one only or other others our ours ourselves out over own part people
  per please probably put quick quite rather really right run runs running said same say says see seem set
  several she should show since so some someone something sometimes still such sure take tell than that the
  their theirs them themselves then there these they thing things think this those though through thus to
  today together too toward try turn two under until up upon us use used uses using very via want wants was
  way we well were what whatever when where whether which while who whole whom whose why will with within
  without work works would yes yet you your yours yourself team teams company thanks thank hello hi hey
  question questions answer answers tell told time times week weeks year years month months hour hours
  morning evening afternoon today tomorrow yesterday world home office room game games night weather`
    .split(/\s+/)
    .filter(Boolean),
);
