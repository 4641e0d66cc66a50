import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { App, Alert, Button, Col, Popconfirm, Row, Space, Spin, Tabs, Tag } from 'antd';
import { DndContext, DragOverlay, PointerSensor, pointerWithin, rectIntersection, useSensor, useSensors, type CollisionDetection, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { checkDefinition, isLayout, type FormDefinition } from '@kcbx/forms';
import { addField, addLayout, addNote, elementAt, fieldIssues, moveElement, removeElement, locateIssue, type FieldKindName, type LayoutKindName, type UiPath } from '@kcbx/form-builder';
import { ApiError } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh-CN';
import { PageTitle } from '../../shell/PageTitle';
import { useShowError } from '../../util/useShowError';
import { Canvas } from './builder/Canvas';
import { pathKey, type DragSource, type GapTarget } from './builder/dnd';
import { ImportModal } from './builder/ImportModal';
import { JsonPane } from './builder/JsonPane';
import { textOf } from './builder/labels';
import { Palette } from './builder/Palette';
import { PreviewPane } from './builder/PreviewPane';
import { PropertyPanel } from './builder/PropertyPanel';
import { VersionsDrawer } from './builder/VersionsDrawer';
import { formsApi, type DefinitionProblem } from './formsApi';
import { useFormLoader, type BuilderEntry } from './useFormLoader';

// Gaps are small targets: take the one under the pointer, else whichever the dragged card overlaps most.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

/** Where a click-added item goes: into the selected layout, after the selected field, or at the end of the form. */
function clickTarget(def: FormDefinition, selected: UiPath | null): GapTarget {
  const element = selected ? elementAt(def.uiSchema, selected) : undefined;
  if (selected && element && isLayout(element)) return { container: selected, index: element.elements?.length ?? 0 };
  if (selected && element && selected.length > 0) return { container: selected.slice(0, -1), index: selected[selected.length - 1] + 1 };
  return { container: [], index: isLayout(def.uiSchema) ? def.uiSchema.elements.length : 0 };
}

/** The form builder: palette, canvas and property panel; live preview; JSON both ways; drafts, publish, versions, import. */
export default function FormBuilderPage() {
  const { key = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const entry = (location.state as BuilderEntry | null) ?? null;
  const { definition, setDefinition, origin, setOrigin, versions, reloadVersions, reload } = useFormLoader(key, entry);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<UiPath | null>(null);
  const [serverProblems, setServerProblems] = useState<DefinitionProblem[]>([]);
  const [tab, setTab] = useState('design');
  const [dragging, setDragging] = useState<DragSource | null>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const locale = lang === 'en' ? 'en' : 'zh';

  // closing the tab or reloading with unsaved edits asks first (the browser words the question)
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Checked as the API will check it on publish; deferred so typing a label stays smooth on a slow PC.
  const checked = useDeferredValue(definition);
  const issues = useMemo(() => (checked ? checkDefinition(checked) : []), [checked]);
  const { byElement, general } = useMemo(() => {
    const byElement = new Map<string, string[]>();
    const general: string[] = [];
    if (!checked) return { byElement, general };
    const place = (path: string, text: string) => {
      const at = locateIssue(checked, path);
      if (!at || at.length === 0) general.push(text);
      else byElement.set(pathKey(at), [...(byElement.get(pathKey(at)) ?? []), text]);
    };
    // anyOf reports a miss in every branch ("must be string", "must be boolean"); the deepest problem says why
    const specific = <T extends { path: string }>(list: T[]) => list.filter((x) => !list.some((y) => y.path.startsWith(`${x.path}/`)));
    specific(issues).forEach((i) => place(i.path, i.message[locale]));
    for (const f of fieldIssues(checked)) {
      if (f.path.length === 0) general.push(f.message[locale]);
      else byElement.set(pathKey(f.path), [...(byElement.get(pathKey(f.path)) ?? []), f.message[locale]]);
    }
    specific(serverProblems).forEach((p) => {
      const at = locateIssue(checked, p.path);
      const already = at ? byElement.get(pathKey(at))?.includes(p.message) : general.includes(p.message);
      if (!already) place(p.path, p.message);
    });
    return { byElement, general };
  }, [checked, issues, serverProblems, locale]);

  if (!definition) return <Spin />;

  const change = (next: FormDefinition, select?: UiPath | null) => {
    setDefinition(next);
    setDirty(true);
    setServerProblems([]);
    if (select !== undefined) setSelected(select);
  };

  const drop = (source: DragSource, target: GapTarget) => {
    if (source.from === 'canvas') {
      const moved = moveElement(definition, source.path, target);
      if (moved) change(moved.definition, moved.path);
    } else if ('note' in source) {
      const added = addNote(definition, target);
      change(added.definition, added.path);
    } else if ('field' in source) {
      const added = addField(definition, source.field, target);
      change(added.definition, added.path);
    } else {
      const added = addLayout(definition, source.layout, target);
      change(added.definition, added.path);
    }
  };
  const onDragStart = (e: DragStartEvent) => setDragging((e.active.data.current as DragSource) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const source = e.active.data.current as DragSource | undefined;
    const target = e.over?.data.current as GapTarget | undefined;
    if (source && target) drop(source, target);
  };

  const shift = (path: UiPath, delta: -1 | 1) => {
    const index = path[path.length - 1];
    // moveElement counts the target index before removal, so moving down by one is "before index + 2"
    const moved = moveElement(definition, path, { container: path.slice(0, -1), index: delta < 0 ? index - 1 : index + 2 });
    if (moved) change(moved.definition, moved.path);
  };

  const save = async () => {
    setBusy('save');
    try {
      await formsApi.saveDraft(key, definition);
      setDirty(false);
      setOrigin('draft');
      void message.success(t('forms.builder.saved'));
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  const publish = async () => {
    setBusy('publish');
    try {
      const res = await formsApi.publish(key, definition);
      setDirty(false);
      setServerProblems([]);
      setOrigin('published');
      setDefinition({ ...definition, version: res.version });
      void reloadVersions();
      void message.success(t(res.isNew ? 'forms.builder.published' : 'forms.builder.unchanged', { version: res.version }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'FORM_DEFINITION_INVALID' && Array.isArray(e.details)) {
        // the banner and the fields say it; no toast on top
        setServerProblems(e.details as DefinitionProblem[]);
        setTab('design');
      } else showError(e);
    } finally {
      setBusy(null);
    }
  };

  const discard = async () => {
    try {
      await formsApi.discardDraft(key);
      setDirty(false);
      // opened from an import or the new-form dialog: dropping the router state reloads (published or empty);
      // otherwise reload here
      if (entry) navigate(location.pathname, { replace: true, state: null });
      else await reload();
    } catch (e) {
      showError(e);
    }
  };

  const problemCount = [...byElement.values()].reduce((n, list) => n + list.length, general.length);
  const selectedProblems = selected ? byElement.get(pathKey(selected)) ?? [] : [];
  const latest = versions[0]?.version;
  const status: { color: string; label: MessageKey } = dirty
    ? { color: 'orange', label: 'forms.builder.unsaved' }
    : origin === 'draft'
      ? { color: 'blue', label: 'forms.builder.draft' }
      : origin === 'published'
        ? { color: 'green', label: 'forms.builder.upToDate' }
        : { color: 'default', label: 'forms.builder.new' };

  return (
    <>
      <PageTitle>
        {t('forms.builder.heading', { title: textOf(definition.title, lang, key) })}
      </PageTitle>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag>{key}</Tag>
        <Tag color={status.color} data-testid="builder-status">{t(status.label)}</Tag>
        {latest !== undefined && <Tag data-testid="builder-latest">{t('forms.builder.latest', { version: latest })}</Tag>}
        <Button onClick={() => navigate('/design/forms')}>{t('forms.builder.back')}</Button>
        <Button data-testid="builder-save" loading={busy === 'save'} onClick={() => void save()}>{t('forms.builder.save')}</Button>
        <Button type="primary" data-testid="builder-publish" loading={busy === 'publish'} onClick={() => void publish()}>{t('forms.builder.publish')}</Button>
        <Button data-testid="builder-versions" onClick={() => setVersionsOpen(true)}>{t('forms.builder.versions')}</Button>
        <Button data-testid="builder-import" onClick={() => setImportOpen(true)}>{t('forms.builder.import')}</Button>
        {origin === 'draft' && (
          <Popconfirm title={t('forms.builder.discardConfirm')} onConfirm={() => void discard()}>
            <Button danger>{t('forms.builder.discard')}</Button>
          </Popconfirm>
        )}
      </Space>
      {problemCount > 0 && (
        <Alert
          type={serverProblems.length ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="form-problems"
          message={t(serverProblems.length ? 'forms.builder.refused' : 'forms.builder.problems', { count: problemCount })}
          description={general.length ? general.map((g, i) => <div key={i}>{g}</div>) : undefined}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'design',
            label: t('forms.builder.tabDesign'),
            children: (
              <DndContext sensors={sensors} collisionDetection={collision} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
                <Row gutter={12}>
                  <Col span={4}>
                    <Palette
                      onAddField={(kind: FieldKindName) => {
                        const added = addField(definition, kind, clickTarget(definition, selected));
                        change(added.definition, added.path);
                      }}
                      onAddNote={() => {
                        const added = addNote(definition, clickTarget(definition, selected));
                        change(added.definition, added.path);
                      }}
                      onAddLayout={(kind: LayoutKindName) => {
                        const added = addLayout(definition, kind, clickTarget(definition, selected));
                        change(added.definition, added.path);
                      }}
                    />
                  </Col>
                  <Col span={12} onClick={() => setSelected(null)}>
                    <Canvas
                      definition={definition}
                      selected={selected}
                      problems={byElement}
                      dragging={dragging !== null}
                      onSelect={setSelected}
                      onShift={shift}
                      onRemove={(path) => change(removeElement(definition, path), null)}
                    />
                  </Col>
                  <Col span={8}>
                    <PropertyPanel definition={definition} selected={selected} problems={selectedProblems} onChange={(d) => change(d)} />
                  </Col>
                </Row>
                <DragOverlay dropAnimation={null}>
                  {dragging ? <Tag color="blue" style={{ padding: '4px 8px' }}>{t('forms.canvas.dragging')}</Tag> : null}
                </DragOverlay>
              </DndContext>
            ),
          },
          { key: 'preview', label: t('forms.builder.tabPreview'), children: <PreviewPane definition={definition} valid={issues.length === 0} /> },
          { key: 'json', label: t('forms.builder.tabJson'), children: <JsonPane definition={definition} onApply={(d) => change(d, null)} /> },
        ]}
      />
      <VersionsDrawer
        open={versionsOpen}
        formKey={key}
        current={definition}
        versions={versions}
        onClose={() => setVersionsOpen(false)}
        onLoad={(d) => {
          setVersionsOpen(false);
          change(d, null);
          void message.info(t('forms.versions.loaded', { version: d.version }));
        }}
      />
      <ImportModal
        open={importOpen}
        fixedKey={key}
        title={typeof definition.title === 'string' ? { zh: definition.title, en: definition.title } : definition.title}
        onClose={() => setImportOpen(false)}
        onImported={(d) => {
          setImportOpen(false);
          change(d, null);
        }}
      />
    </>
  );
}
