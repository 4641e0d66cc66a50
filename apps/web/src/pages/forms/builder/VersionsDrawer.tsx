import type { FormVersion } from '@kcbx/api-contract';
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Drawer, Select, Space, Table, Typography } from 'antd';
import type { FormDefinition } from '@kcbx/forms';
import { useI18n } from '../../../i18n/i18n';
import { LatestRequest } from '../../../util/latestRequest';
import { useLoad } from '../../../util/useLoad';
import { useShowError } from '../../../util/useShowError';
import { formsApi } from '../formsApi';
import { textOf } from './labels';
import { useVersionCache } from './useVersionCache';
import { VersionDiff } from './VersionDiff';

const CURRENT = 0;

/** Published versions (immutable) and the difference between any two of them or the one being edited. */
export function VersionsDrawer({
  open,
  formKey,
  current,
  versions,
  onClose,
  onLoad,
}: {
  open: boolean;
  formKey: string;
  current: FormDefinition;
  versions: FormVersion[];
  onClose(): void;
  onLoad(def: FormDefinition): void;
}) {
  const { t, lang, formatDateTime } = useI18n();
  const showError = useShowError();
  const latest = versions[0]?.version;
  const [left, setLeft] = useState<number | undefined>();
  const [right, setRight] = useState<number>(CURRENT);
  const fetchVersion = useVersionCache(formKey);

  useEffect(() => {
    if (!open) return;
    // default: what changed in the newest version, or the edits since the only one
    if (versions.length >= 2) {
      setLeft(versions[1].version);
      setRight(versions[0].version);
    } else {
      setLeft(latest);
      setRight(CURRENT);
    }
  }, [open, versions, latest]);

  const pair = useLoad(
    () => Promise.all([left, right].map((v) => (v === undefined || v === CURRENT ? undefined : fetchVersion(v)))),
    [formKey, left, right],
    showError,
  );
  // Until the newest pair arrives no diff is shown, rather than the pair chosen before.
  const pick = (v: number | undefined, i: number) => (v === CURRENT ? current : pair.loading ? undefined : pair.data?.[i]);
  const before = pick(left, 0);
  const after = pick(right, 1);

  // A copy to edit; clicking another version before the first arrives loads only the one clicked last.
  const loads = useRef(new LatestRequest());
  useEffect(() => {
    const pending = loads.current;
    return () => pending.cancel();
  }, []);
  const loadCopy = (v: number) => void loads.current.run(() => formsApi.version(formKey, v), onLoad, showError);
  const choices = [
    { value: CURRENT, label: t('forms.versions.current') },
    ...versions.map((v) => ({ value: v.version, label: t('forms.versions.v', { version: v.version }) })),
  ];

  return (
    <Drawer open={open} onClose={onClose} width={860} title={t('forms.versions.title')} data-testid="versions-drawer">
      <Table<FormVersion>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={versions}
        locale={{ emptyText: t('forms.versions.none') }}
        columns={[
          { title: t('forms.versions.version'), dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
          { title: t('forms.list.title'), dataIndex: 'title', render: (v: FormVersion['title']) => textOf(v, lang) },
          { title: t('forms.versions.publishedAt'), dataIndex: 'publishedAt', render: (v: string) => formatDateTime(v) },
          { title: t('forms.versions.publishedBy'), dataIndex: 'publishedByName', render: (v: string | null) => v ?? '—' },
          {
            title: '',
            key: 'load',
            width: 110,
            render: (_: unknown, r) => (
              <Button size="small" data-testid={`version-load-${r.version}`} onClick={() => loadCopy(r.version)}>
                {t('forms.versions.load')}
              </Button>
            ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('forms.versions.immutable')}
      </Typography.Paragraph>
      {versions.length > 0 && (
        <>
          <Space style={{ margin: '8px 0' }}>
            <Typography.Text>{t('forms.versions.compare')}</Typography.Text>
            <Select data-testid="diff-left" style={{ width: 140 }} value={left} onChange={setLeft} options={choices} />
            <Typography.Text>→</Typography.Text>
            <Select data-testid="diff-right" style={{ width: 140 }} value={right} onChange={setRight} options={choices} />
          </Space>
          {before && after ? <VersionDiff before={before} after={after} /> : <Alert type="info" message={t('forms.versions.loading')} />}
        </>
      )}
    </Drawer>
  );
}
