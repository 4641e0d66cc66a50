import type { visitsZh } from './visits';

export const visitsEn: Record<keyof typeof visitsZh, string> = {
  'visits.menu': 'Visit assignments',
  'visits.title': 'Township visit assignments (包抓分工)',
  'visits.intro':
    'The townships and schools each bureau leader, office and staff member visits (the directive’s 附件). Visits per person per month are judged by the county parameter visitsPerMonth.',
  'visits.person': 'Person',
  'visits.account': 'Account',
  'visits.office': 'Office',
  'visits.officeHint': 'Empty: their role at the bureau, e.g. “局领导（班子成员）”',
  'visits.township': 'Township',
  'visits.schools': 'Schools',
  'visits.allSchools': 'All schools of the township',
  'visits.schoolsHint': 'None chosen: every school of the township',
  'visits.add': 'Add assignment',
  'visits.edit': 'Edit assignment',
  'visits.remove': 'Remove',
  'visits.removeConfirm': 'Remove {person}’s assignment to {township}?',
  'visits.removed': 'Removed',
  'visits.import': 'Import list',
  'visits.importHint':
    'Upload CSV or Excel (columns: 姓名 or 账号, 科室, 包抓乡镇, 联系学校, schools separated by 、); it replaces the table. Any problem refuses the whole list, listed by row and column.',
  'visits.imported': 'Imported {n} rows, replacing {before}',
  'visits.importRefused': 'The list was not imported',
  'visits.row': 'Row {row}',
  'visits.readOnly': 'The assignments are kept by the bureau’s 基础教育室; you can read them.',
  'visits.empty': 'No assignments yet',
  'visits.compliance': 'Township visits (包抓走访)',
  'visits.hint':
    'Bureau leaders, offices and staff visit their assigned township schools at least {n} times a month (the county parameter); counted from completed township visit procedures, for whoever recorded them.',
  'visits.hintUnset':
    'The county parameters do not set visits per month (visitsPerMonth), so nothing is judged yet; counted from completed township visit procedures.',
  'visits.byPerson': 'By person',
  'visits.byOffice': 'By office',
  'visits.byTownship': 'By township',
  'visits.members': 'People',
  'visits.compliantPeople': 'Met in {month}',
  'visits.openTable': 'Open the assignment table',
  'visits.noPeople': 'No assignments in this unit; keep the assignment table first',
};
