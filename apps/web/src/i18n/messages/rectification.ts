/** UI strings of the inspectorate's rectification list (整改销号台账). Keys start with 'rectification.'. */
export const rectificationZh = {
  'rectification.title': '整改销号台账',
  'rectification.hint':
    '全县全部整改问题及其进度（督导室检查督导整改落实情况）。核验未通过达到县定次数或逾期，即为整改落实不到位，转纪检组问责。',
  'rectification.stage': '阶段',
  'rectification.allStages': '全部阶段',
  'rectification.onlySubstandard': '只看整改落实不到位',
  'rectification.problem': '问题',
  'rectification.unit': '责任单位',
  'rectification.person': '责任人',
  'rectification.deadline': '整改时限',
  'rectification.openSteps': '当前环节',
  'rectification.failures': '核验未通过 {count} 次',
  'rectification.overdue': '逾期',
  'rectification.substandard': '整改落实不到位',
  'rectification.accountability.pending': '待纪检组问责',
  'rectification.accountability.recorded': '纪检组已问责',
  'rectification.count': '{label} {count}',
  'rectification.empty': '暂无整改问题',
  'rectification.openFile': '查看',
};
