import type { DecisionSummary, DeployResult } from '@kcbx/api-contract';
import { useEffect, useRef, useState } from 'react';
import { App, Button, Select, Space, Typography } from 'antd';
import DmnModeler from 'dmn-js/lib/Modeler';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import { request } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { DMN_JS_ZH } from './dmnJsZh';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';

const decisionsApi = {
  list: () => request<DecisionSummary[]>('GET', '/api/decisions'),
  xml: (id: string) => request<{ xml: string; resourceName: string }>('GET', `/api/decisions/${encodeURIComponent(id)}/xml`),
  deploy: (name: string, xml: string) => request<DeployResult>('POST', '/api/deployments', { name, resources: [{ name, content: xml }] }),
};

interface Views {
  getViews(): { type: string; element: { id: string } }[];
  open(view: unknown): Promise<unknown>;
  importXML(xml: string): Promise<unknown>;
  saveXML(o: { format: boolean }): Promise<{ xml: string }>;
  destroy(): void;
}

/**
 * 决策表: the county's DMN decision tables in dmn-js's table editor — open the latest version, edit rules, deploy a new
 * version (the server checks it; procedures that call it use it from their next decision on).
 */
export default function DecisionsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const host = useRef<HTMLDivElement>(null);
  const modeler = useRef<Views | null>(null);
  const [reload, setReload] = useState(0);
  const [selectedKey, setSelectedKey] = useState<string>();
  const [file, setFile] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const { data: decisions = [] } = useLoad(() => decisionsApi.list(), [reload], showError);

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

  useEffect(() => {
    if (!selectedKey && decisions.length) setSelectedKey(decisions[0].key);
  }, [decisions, selectedKey]);
  // the latest version of the chosen decision: a deployment makes a new one, which is then opened
  const selected = decisions.find((d) => d.key === selectedKey)?.id;

  useEffect(() => {
    if (!selected) return;
    let gone = false;
    decisionsApi
      .xml(selected)
      .then(async ({ xml, resourceName }) => {
        if (gone || !modeler.current) return;
        await modeler.current.importXML(xml);
        const table = modeler.current.getViews().find((v) => v.type === 'decisionTable' && v.element.id === selectedKey);
        if (table) await modeler.current.open(table);
        setFile(resourceName);
      })
      .catch(showError);
    return () => {
      gone = true;
    };
  }, [selected, selectedKey, lang, showError]);

  const deploy = async () => {
    if (!modeler.current || !file) return;
    setBusy(true);
    try {
      const { xml } = await modeler.current.saveXML({ format: true });
      const result = await decisionsApi.deploy(file, xml);
      const made = (result.decisions ?? []).filter((d) => d.isNew);
      if (made.length) message.success(t('decisions.deployed', { list: made.map((d) => `${d.key} v${d.version}`).join('、') }));
      else message.info(t('decisions.unchanged'));
      setReload((n) => n + 1);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle>{t('decisions.title')}</PageTitle>
      <Typography.Paragraph type="secondary">{t('decisions.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 260, maxWidth: '100%' }}
          value={selectedKey}
          onChange={setSelectedKey}
          placeholder={t('decisions.pick')}
          aria-label={t('decisions.pick')}
          data-testid="decision-pick"
          options={decisions.map((d) => ({ value: d.key, label: `${d.name ?? d.key}（v${d.version}）` }))}
        />
        <Button type="primary" loading={busy} disabled={!file} onClick={deploy} data-testid="decision-deploy">
          {t('decisions.deploy')}
        </Button>
      </Space>
      <div
        ref={host}
        className="kcbx-dmn-editor"
        data-testid="decision-editor"
        style={{ overflowX: 'auto', background: '#fff', minHeight: 320 }}
      />
    </>
  );
}
