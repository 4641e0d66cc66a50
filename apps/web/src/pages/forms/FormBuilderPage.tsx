import type { DefinitionProblem } from '@kcbx/api-contract';
import { useState } from 'react';
import { Spin, Tabs } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { FormDefinition } from '@kcbx/forms';
import type { UiPath } from '@kcbx/form-builder';
import { useI18n } from '../../i18n/i18n';
import { PageTitle } from '../../shell/PageTitle';
import { BuilderToolbar } from './builder/BuilderToolbar';
import { DesignTab } from './builder/DesignTab';
import { BuilderDialogs } from './builder/BuilderDialogs';
import { JsonPane } from './builder/JsonPane';
import { textOf } from './builder/labels';
import { PreviewPane } from './builder/PreviewPane';
import { ProblemsBanner } from './builder/ProblemsBanner';
import { useBuilderActions } from './builder/useBuilderActions';
import { useBuilderProblems } from './builder/useBuilderProblems';
import { useUnsavedWarning } from './builder/useUnsavedWarning';
import { useFormLoader, type BuilderEntry } from './useFormLoader';

/** The form builder: palette, canvas and property panel; live preview; JSON both ways; drafts, publish, versions, import. */
export default function FormBuilderPage() {
  const { key = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const { t, lang } = useI18n();
  const entry = (location.state as BuilderEntry | null) ?? null;
  const { definition, setDefinition, origin, setOrigin, versions, reloadVersions, reload } = useFormLoader(key, entry);
  const [dirty, setDirty] = useState(false);
  const [selected, setSelected] = useState<UiPath | null>(null);
  const [serverProblems, setServerProblems] = useState<DefinitionProblem[]>([]);
  const [tab, setTab] = useState('design');
  const [dialog, setDialog] = useState<'versions' | 'import' | null>(null);
  const problems = useBuilderProblems(definition, serverProblems, lang === 'en' ? 'en' : 'zh');
  const actions = useBuilderActions({
    key,
    definition: definition as FormDefinition,
    setDefinition,
    setOrigin,
    setDirty,
    reloadVersions,
    reload,
    onRefused: (list) => {
      setServerProblems(list);
      if (list.length) setTab('design');
    },
    // opened from an import or the new-form dialog: dropping the router state reloads (published or empty)
    leaveEntry: entry ? () => navigate(location.pathname, { replace: true, state: null }) : undefined,
  });

  useUnsavedWarning(dirty);

  if (!definition) return <Spin />;

  const change = (next: FormDefinition, select?: UiPath | null) => {
    setDefinition(next);
    setDirty(true);
    setServerProblems([]);
    if (select !== undefined) setSelected(select);
  };

  return (
    <>
      <PageTitle>{t('forms.builder.heading', { title: textOf(definition.title, lang, key) })}</PageTitle>
      <BuilderToolbar
        formKey={key}
        dirty={dirty}
        origin={origin}
        latest={versions[0]?.version}
        busy={actions.busy}
        onBack={() => navigate('/design/forms')}
        onSave={() => void actions.save()}
        onPublish={() => void actions.publish()}
        onVersions={() => setDialog('versions')}
        onImport={() => setDialog('import')}
        onDiscard={() => void actions.discard()}
      />
      <ProblemsBanner problems={problems} refused={serverProblems.length > 0} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'design',
            label: t('forms.builder.tabDesign'),
            children: (
              <DesignTab
                definition={definition}
                selected={selected}
                problems={problems.byElement}
                onSelect={setSelected}
                onChange={change}
              />
            ),
          },
          {
            key: 'preview',
            label: t('forms.builder.tabPreview'),
            children: <PreviewPane definition={definition} valid={problems.issues.length === 0} />,
          },
          {
            key: 'json',
            label: t('forms.builder.tabJson'),
            children: <JsonPane definition={definition} onApply={(d) => change(d, null)} />,
          },
        ]}
      />
      <BuilderDialogs
        formKey={key}
        definition={definition}
        versions={versions}
        open={dialog}
        onClose={() => setDialog(null)}
        onReplace={(d) => change(d, null)}
      />
    </>
  );
}
