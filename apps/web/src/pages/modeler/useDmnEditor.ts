import { useEffect, useRef, useState } from 'react';
import DmnModeler from 'dmn-js/lib/Modeler';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import { useI18n } from '../../i18n/i18n';
import { useShowError } from '../../util/useShowError';
import { DMN_JS_ZH } from './dmnJsZh';

interface Views {
  getViews(): { type: string; element: { id: string } }[];
  open(view: unknown): Promise<unknown>;
  importXML(xml: string): Promise<unknown>;
  saveXML(o: { format: boolean }): Promise<{ xml: string }>;
  destroy(): void;
}

/**
 * dmn-js's editor in the `host` element, in the user's language (rebuilt on a switch), showing `source` opened at
 * the decision table `decisionKey`. `file` is the resource name of what is shown, once it is.
 */
export function useDmnEditor(source: { xml: string; resourceName: string } | null | undefined, decisionKey: string | undefined) {
  const { lang } = useI18n();
  const showError = useShowError();
  const host = useRef<HTMLDivElement>(null);
  const modeler = useRef<Views | null>(null);
  const [file, setFile] = useState('');

  useEffect(() => {
    const translate = (template: string, replacements: Record<string, string> = {}) =>
      (lang === 'en' ? template : (DMN_JS_ZH[template] ?? template)).replace(/{([^}]+)}/g, (m, key: string) => replacements[key] ?? m);
    modeler.current = new DmnModeler({
      container: host.current!,
      // each view takes its own modules (dmn-js does not merge `common.additionalModules` into them)
      ...Object.fromEntries(
        ['drd', 'decisionTable', 'literalExpression'].map((view) => [view, { additionalModules: [{ translate: ['value', translate] }] }]),
      ),
    }) as unknown as Views;
    return () => modeler.current?.destroy();
  }, [lang]);

  // Imported again into a rebuilt editor after a language switch.
  useEffect(() => {
    if (!source) return;
    let gone = false;
    const editor = modeler.current;
    (async () => {
      if (!editor) return;
      await editor.importXML(source.xml);
      // A language switch may have replaced the editor meanwhile; the new one imports on its own.
      if (gone) return;
      const table = editor.getViews().find((v) => v.type === 'decisionTable' && v.element.id === decisionKey);
      if (table) await editor.open(table);
      setFile(source.resourceName);
    })().catch((e) => !gone && showError(e));
    return () => {
      gone = true;
    };
  }, [source, decisionKey, lang, showError]);

  /** The edited XML; null without an editor. */
  const save = async () => (modeler.current ? (await modeler.current.saveXML({ format: true })).xml : null);
  return { host, file, save };
}
