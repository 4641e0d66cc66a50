import type { rectificationZh } from './rectification';

export const rectificationEn: Record<keyof typeof rectificationZh, string> = {
  'rectification.title': 'Rectification items',
  'rectification.hint':
    "Every rectification item of the county and where it stands (the inspectorate's supervision). Failing verification the county's number of times, or running past the deadline, is 整改落实不到位 and goes to the discipline inspection group.",
  'rectification.stage': 'Stage',
  'rectification.allStages': 'All stages',
  'rectification.onlySubstandard': 'Only items not rectified as required',
  'rectification.problem': 'Problem',
  'rectification.unit': 'Responsible unit',
  'rectification.person': 'Responsible person',
  'rectification.deadline': 'Deadline',
  'rectification.openSteps': 'Current step',
  'rectification.failures': 'Failed verification {count} times',
  'rectification.overdue': 'Overdue',
  'rectification.substandard': 'Not rectified as required',
  'rectification.accountability.pending': 'Awaiting the discipline inspection group',
  'rectification.accountability.recorded': 'Held to account',
  'rectification.count': '{label} {count}',
  'rectification.empty': 'No rectification items',
  'rectification.openFile': 'Open',
};
