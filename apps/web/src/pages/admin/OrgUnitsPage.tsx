import { useMemo, useState } from 'react';
import { App, Card, Col, Descriptions, Empty, Input, Row, Spin, Tree, Typography } from 'antd';
import { api } from '../../api/endpoints';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { kindLabel } from '../../i18n/labels';
import { ancestorsOfMatches, buildOrgTree } from '../../util/orgTree';
import { useOrgUnits } from '../../util/useOrgUnits';
import { useShowError } from '../../util/useShowError';
import { OrgUnitForm, type NewOrgUnit } from './OrgUnitForm';

export default function OrgUnitsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const { units, loading, reload } = useOrgUnits();
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  const tree = useMemo(() => buildOrgTree(units), [units]);
  const byCode = useMemo(() => new Map(units.map((u) => [u.code, u])), [units]);
  const unit = selected ? byCode.get(selected) : undefined;
  // Until the user opens/closes nodes, show the top two levels (county and townships).
  const expandedKeys = expanded ?? tree.map((n) => n.key);

  const onSearch = (q: string) => {
    setQuery(q);
    const open = ancestorsOfMatches(units, q);
    if (open.length) setExpanded(open);
  };

  const add = async (v: NewOrgUnit) => {
    if (!unit) return false;
    setBusy(true);
    try {
      const created = await api.createOrgUnit({ ...v, name: v.name.trim(), parentCode: unit.code });
      void message.success(t('org.created', { name: created.name }));
      await reload();
      setExpanded([...new Set([...expandedKeys, unit.code])]);
      return true;
    } catch (e) {
      showError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const rename = async (name: string) => {
    if (!unit || !name.trim() || name === unit.name) return;
    try {
      await api.renameOrgUnit(unit.code, name.trim());
      void message.success(t('org.renamed'));
      await reload();
    } catch (e) {
      showError(e);
    }
  };

  return (
    <>
      <PageTitle>{t('org.title')}</PageTitle>
      <Row gutter={16}>
        <Col span={13}>
          <Card size="small">
            <Input.Search placeholder={t('org.search')} allowClear onSearch={onSearch} style={{ marginBottom: 8 }} />
            <Spin spinning={loading}>
              <div style={{ maxHeight: 'calc(100vh - 230px)', overflow: 'auto' }} data-testid="org-tree">
                <Tree
                  treeData={tree}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  selectedKeys={selected ? [selected] : []}
                  onSelect={(keys) => setSelected(keys.length ? String(keys[0]) : null)}
                  titleRender={(n) =>
                    query && (n.unit.name.includes(query) || n.unit.code.includes(query)) ? <mark>{n.title}</mark> : n.title
                  }
                />
              </div>
            </Spin>
          </Card>
        </Col>
        <Col span={11}>
          {unit ? (
            <>
              <Card size="small" style={{ marginBottom: 16 }}>
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('org.name')}>
                    <Typography.Text editable={{ onChange: rename, tooltip: t('org.rename') }}>{unit.name}</Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('org.code')}>{unit.code}</Descriptions.Item>
                  <Descriptions.Item label={t('org.kind')}>{kindLabel(t, unit.kind)}</Descriptions.Item>
                  <Descriptions.Item label={t('org.parent')}>
                    {unit.parentCode ? (byCode.get(unit.parentCode)?.name ?? unit.parentCode) : '—'}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
              <Card size="small" title={t('org.addTitle', { parent: unit.name })}>
                <OrgUnitForm parent={unit} busy={busy} onSubmit={add} />
              </Card>
            </>
          ) : (
            <Card size="small">
              <Empty description={t('org.selectHint')} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
