/** UI strings of the history-retention page. Keys start with 'retention.'; the English type makes a missing key a compile error. */
export const retentionZh = {
  'retention.title': '历史数据清理',
  'retention.intro':
    '已办结或已终止的事项超过保留期限后，系统每天清理其流程运行明细（流程变量、等待记录、已解决的异常、内部流转记录）。学生档案（表单、审核意见、退回、评论、附件、事项时间线）、台账和学生状态变化一律保留；正在办理的事项不动。',
  'retention.period': '保留期限',
  'retention.periodValue': '{period}（县级参数 historyRetention）',
  'retention.periodDefault': '{period}（县级参数未设置，按默认）',
  'retention.invalid': '县级参数 historyRetention 填写有误，清理已暂停：{problem}',
  'retention.day': '日期',
  'retention.cutoff': '清理此前办结的事项',
  'retention.status': '状态',
  'retention.done': '完成',
  'retention.running': '进行中',
  'retention.failed': '失败',
  'retention.instances': '事项数',
  'retention.removed': '删除行数',
  'retention.empty': '尚未清理',
};
