/** UI strings of the decision tables page. Keys start with 'decisions.'; the English type makes a missing key a compile error. */
export const decisionsZh = {
  'decisions.title': '决策表',
  'decisions.intro':
    '县里可能调整的规则（例如依法控辍时按辍学原因联动哪些部门）写在决策表里：改表、部署即生效，不必改流程。正在进行的判断沿用旧版本，之后的判断使用新版本。',
  'decisions.pick': '选择决策表',
  'decisions.deploy': '部署新版本',
  'decisions.deployed': '已部署：{list}',
  'decisions.unchanged': '内容未改变，未生成新版本',
};
