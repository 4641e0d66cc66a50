import type { decisionsZh } from './decisions';

export const decisionsEn: Record<keyof typeof decisionsZh, string> = {
  'decisions.title': 'Decision tables',
  'decisions.intro':
    'Rules a county may change (e.g. which departments the legal steps bring in for a dropout cause) live in decision tables: edit and deploy, the procedures stay as they are. Decisions already taken keep their version; the next ones use the new one.',
  'decisions.pick': 'Choose a decision table',
  'decisions.deploy': 'Deploy a new version',
  'decisions.deployed': 'Deployed: {list}',
  'decisions.unchanged': 'Nothing changed: no new version was made',
};
