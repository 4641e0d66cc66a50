/**
 * UI strings of the login page and what it shows around it (title, language switch, an ended session): the only
 * strings the first screen needs, so the Chinese ones load with it and the rest of the dictionary with the app.
 */
export const loginZh = {
  'app.title': '控辍保学工作平台',
  'app.subtitle': '县域义务教育控辍保学协同工作平台',
  'app.shortTitle': '控辍保学',
  'lang.switch': 'English',
  'lang.switchTitle': '切换语言',
  'common.loading': '加载中…',
  'common.save': '保存',
  'common.cancel': '取消',
  'common.create': '新增',
  'common.edit': '编辑',
  'common.search': '搜索',
  'common.actions': '操作',
  'common.yes': '是',
  'common.no': '否',
  'common.saved': '已保存',
  'common.required': '必填',
  'common.total': '共 {total} 条',
  'common.networkError': '无法连接服务器，请检查网络后重试',
  'common.none': '无',
  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'shell.sessionExpired': '登录已失效，请重新登录',
} as const;
