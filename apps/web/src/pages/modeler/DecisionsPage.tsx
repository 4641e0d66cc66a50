import type { DecisionSummary } from '@kcbx/api-contract';
import { useState } from 'react';
import { App, Button, Select, Space, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { useLoad } from '../../util/useLoad';
import { useShowError } from '../../util/useShowError';
import { decisionsApi } from './decisionsApi';
import { useDmnEditor } from './useDmnEditor';

const NO_DECISIONS: DecisionSummary[] = [];

/**
 * 决策表: the county's DMN decision tables in dmn-js's table editor — open the latest version, edit rules, deploy a new
 * version (the server checks it; procedures that call it use it from their next decision on).
 */
export default function DecisionsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [picked, setPicked] = useState<string>();
  const [busy, setBusy] = useState(false);
  const list = useLoad(() => decisionsApi.list(), [], showError);
  const decisions = list.data ?? NO_DECISIONS;
  // the first decision until the user picks one
  const selectedKey = picked ?? decisions[0]?.key;
  // the latest version of the chosen decision: a deployment makes a new one, which is then opened
  const selected = decisions.find((d) => d.key === selectedKey)?.id;
  const { data: source } = useLoad(() => (selected ? decisionsApi.xml(selected) : Promise.resolve(null)), [selected], showError);
  const { host, file, save } = useDmnEditor(source, selectedKey);

  const deploy = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const xml = await save();
      if (xml === null) return;
      const result = await decisionsApi.deploy(file, xml);
      const made = (result.decisions ?? []).filter((d) => d.isNew);
      if (made.length) message.success(t('decisions.deployed', { list: made.map((d) => `${d.key} v${d.version}`).join('、') }));
      else message.info(t('decisions.unchanged'));
      list.reload();
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
          onChange={setPicked}
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
