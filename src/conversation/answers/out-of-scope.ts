// Replies for messages whosejob does not answer though they sound like AWS questions: another
// cloud (its provider publishes its own model), on-premises gear, office IT, how-to, limits, pricing.
// None carries an owner: naming one here would be a guess.
import type { Service } from '../../kb/schema';
import type { OutOfScope } from '../../nlu/scope';
import { ask, sourceLink, type Reply } from '../../reply/reply';

const COVERS = 'I answer one kind of question: who is responsible for a security task on AWS (AWS, you, or both), with the AWS documentation behind it.';

/** The folder of a service's security page is its guide: the place for how-to and limits. */
const guideOf = (service: Service): string => service.source.replace(/[^/]+$/, '');

const PRICING = 'https://aws.amazon.com/pricing/';
const QUOTAS = 'https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html';

function texts(scope: OutOfScope, service?: Service): { title: string; summary: string; links: string[] } {
  const name = service ? service.name : 'the service';
  switch (scope.kind) {
    case 'other-cloud':
      return {
        title: `${scope.cloud} is outside what I cover`,
        summary: `I only know AWS's shared responsibility model, so I won't guess an owner on ${scope.cloud}. ${scope.cloud} publishes its own model: see the link below.`,
        links: [scope.model],
      };
    case 'on-premises':
      return {
        title: 'On-premises is outside the model',
        summary:
          'Gear in your own data center is yours from the building up; the AWS model only splits work for AWS services. (AWS Outposts is the exception: AWS hardware on your site.)',
        links: [],
      };
    case 'office-it':
      return { title: 'That is a question for your IT help desk', summary: `Office IT is not part of the AWS model, so I have no owner for it. ${COVERS}`, links: [] };
    case 'how-to':
      return {
        title: 'That is not a responsibility question',
        summary: `How to do it is a question for ${service ? `the ${service.name} documentation (linked below)` : 'the AWS documentation'}; I tell you who is responsible for a task, not how to carry it out.`,
        links: service ? [guideOf(service)] : [],
      };
    case 'limits':
      return { title: 'That is not a responsibility question', summary: `Limits and quotas of ${name} are in its documentation and in Service Quotas (linked below). ${COVERS}`, links: service ? [guideOf(service), QUOTAS] : [QUOTAS] };
    case 'unknown-service':
      return {
        title: `I don't know "${scope.name}"`,
        summary: `"${scope.name}" is not an AWS service I know, so I won't guess who is responsible for it. If it is an AWS service under another name, ask with that name; if it is another product, its vendor says who does what.`,
        links: [],
      };
    case 'pricing':
      return { title: 'That is not a responsibility question', summary: `Prices of ${name} are on the AWS pricing pages (linked below). ${COVERS}`, links: [PRICING] };
  }
}

export function outOfScopeReply(scope: OutOfScope, named?: Service): Reply {
  // On another cloud or on-premises, a name such as "redis" is not the AWS service of that name.
  const service = scope.kind === 'other-cloud' || scope.kind === 'on-premises' ? undefined : named;
  const { title, summary, links } = texts(scope, service);
  return {
    kind: 'out-of-scope',
    intent: 'unknown',
    title,
    summary,
    sections: [],
    choicesLabel: 'Questions I can answer',
    choices: service
      ? [ask(`What am I responsible for on ${service.name}?`), ask('Help', 'help')]
      : [ask('Who patches RDS?'), ask('Do we encrypt S3 or does AWS?'), ask('Help', 'help')],
    sources: links.map(sourceLink),
    // The service stays named: the reply is about it, even though it names no owner.
    facts: { service: service ? { id: service.id, name: service.name, category: service.category } : null, task: null, owner: null },
  };
}
