import { BPMN_JS_ZH } from './bpmnJsZh';

/** bpmn-js translate override: the libraries' English strings in Chinese when the UI is Chinese. */
export function translateModule(lang: 'zh-CN' | 'en') {
  const translate = (template: string, replacements: Record<string, string> = {}) => {
    const text = lang === 'en' ? template : (BPMN_JS_ZH[template] ?? template);
    return text.replace(/{([^}]+)}/g, (m, key: string) => replacements[key] ?? m);
  };
  return { translate: ['value', translate] };
}
