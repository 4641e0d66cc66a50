import type { CountyRole, PublishedFormRow } from '@kcbx/api-contract';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import { withDiagramLayout } from '../../components/withDiagramLayout';
import { useI18n } from '../../i18n/i18n';
import { translateModule } from './bpmnTranslate';
import { formRolesModule, ModelerCatalog } from './formRolesProvider';
import type { StepFacts } from './modelChecks';
import { formFields, modelerApi } from './modelerApi';
import { readCandidateGroups, readFormId, readStarterGroups, extension, type Moddle } from './zeebeModel';

export interface ProcessInfo {
  key: string;
  name: string;
}

export type BpmnModelerHandle = ReturnType<typeof useBpmnModeler>;

/**
 * One bpmn-js Modeler (zeebe dialect, properties panel, our Form & roles group) bound to two DOM nodes.
 * The diagram survives a language switch: the modeler is rebuilt in the new language from the last XML.
 */
export function useBpmnModeler(initialXml: string | null) {
  const { t, lang } = useI18n();
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<BpmnModeler | null>(null);
  const xmlRef = useRef<string | null>(null);
  const catalogData = useRef<{ forms: PublishedFormRow[]; roles: CountyRole[] }>({ forms: [], roles: [] });
  const [ready, setReady] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const [info, setInfo] = useState<ProcessInfo>({ key: '', name: '' });
  const [revision, setRevision] = useState(0);

  const refreshInfo = useCallback(() => {
    const process = mainProcess(modelerRef.current);
    setInfo({ key: process?.get('id') ?? '', name: process?.get('name') ?? '' });
  }, []);

  // A newly loaded document starts clean; a language switch rebuilds from xmlRef and keeps the edits.
  useEffect(() => {
    if (initialXml !== null) xmlRef.current = initialXml;
    setDirty(false);
  }, [initialXml]);

  useEffect(() => {
    if (!canvasRef.current || !panelRef.current || xmlRef.current === null) return;
    let alive = true;
    const catalog = new ModelerCatalog(
      t,
      lang,
      (key) => modelerApi.form(key).then((f) => formFields(f.schema)),
      () => modelerRef.current?.get<Moddle>('eventBus').fire('propertiesPanel.providersChanged'),
    );
    Object.assign(catalog, catalogData.current);
    const modeler = new BpmnModeler({
      container: canvasRef.current,
      propertiesPanel: { parent: panelRef.current },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        ZeebePropertiesProviderModule,
        ZeebeBehaviorsModule,
        translateModule(lang),
        formRolesModule(catalog),
      ],
      moddleExtensions: { zeebe: zeebeModdle },
    });
    modelerRef.current = modeler;
    modeler.on('commandStack.changed', () => {
      setDirty(true);
      setRevision((r) => r + 1);
      refreshInfo();
      void modeler.saveXML({ format: true }).then(({ xml }) => {
        if (alive && xml) xmlRef.current = xml;
      });
    });
    // Hand-written files (no diagram interchange) get a computed layout, as in the read-only diagram.
    withDiagramLayout(xmlRef.current)
      .then((xml) => modeler.importXML(xml))
      .then(
        () => {
          if (!alive) return;
          modeler.get<Moddle>('canvas').zoom('fit-viewport', 'auto');
          setImportError(null);
          refreshInfo();
          setReady(true);
        },
        (e: Error) => alive && setImportError(e.message),
      );
    return () => {
      alive = false;
      setReady(false);
      modeler.destroy();
      modelerRef.current = null;
    };
    // Rebuilt on a new document or language only; t changes with lang.
  }, [initialXml, lang]);

  /** Hands the published forms and county roles to the Form & roles group. */
  const setCatalog = useCallback((forms: PublishedFormRow[], roles: CountyRole[]) => {
    catalogData.current = { forms, roles };
    const modeler = modelerRef.current;
    if (!modeler) return;
    Object.assign(modeler.get<ModelerCatalog>('kcbxCatalog'), catalogData.current);
    modeler.get<Moddle>('eventBus').fire('propertiesPanel.providersChanged');
  }, []);

  const api = useMemo(
    () => ({
      async xml(): Promise<string> {
        const { xml } = await modelerRef.current!.saveXML({ format: true });
        return xml ?? '';
      },
      /** Sets the procedure's name (and, for a new one, its key) on the process element, undoably. */
      updateProcess(props: Partial<{ name: string; id: string }>) {
        const modeler = modelerRef.current;
        const process = mainProcess(modeler);
        if (!modeler || !process) return;
        const root = modeler.get<Moddle>('canvas').getRootElement();
        // On the process plane updateProperties also renames the root element's id in the registry.
        if (root.businessObject === process) modeler.get<Moddle>('modeling').updateProperties(root, props);
        else
          modeler
            .get<Moddle>('commandStack')
            .execute('element.updateModdleProperties', { element: root, moddleElement: process, properties: props });
      },
      select(elementId: string) {
        const modeler = modelerRef.current;
        const element = modeler?.get<Moddle>('elementRegistry').get(elementId);
        if (!modeler || !element) return false;
        modeler.get<Moddle>('selection').select(element);
        if (!element.waypoints) modeler.get<Moddle>('canvas').scrollToElement(element);
        return true;
      },
      steps(): StepFacts[] {
        const registry = modelerRef.current?.get<Moddle>('elementRegistry');
        if (!registry) return [];
        return registry
          .filter((e: Moddle) => e.type === 'bpmn:UserTask' || e.type === 'bpmn:StartEvent')
          .map((e: Moddle) => ({
            id: e.id,
            name: e.businessObject.get('name') ?? null,
            type: e.type === 'bpmn:UserTask' ? 'userTask' : 'startEvent',
            formId: readFormId(e),
            candidateGroups: e.type === 'bpmn:UserTask' ? readCandidateGroups(e) : readStarterGroups(e),
            assignee: extension(e, 'zeebe:AssignmentDefinition')?.get('assignee') ?? '',
          }));
      },
      markSaved() {
        setDirty(false);
      },
      undo() {
        modelerRef.current?.get<Moddle>('commandStack').undo();
      },
      redo() {
        modelerRef.current?.get<Moddle>('commandStack').redo();
      },
      /** Read on every render; `revision` changes with each edit, so the buttons follow. */
      canUndo(): boolean {
        return !!modelerRef.current?.get<Moddle>('commandStack').canUndo();
      },
      canRedo(): boolean {
        return !!modelerRef.current?.get<Moddle>('commandStack').canRedo();
      },
    }),
    [],
  );

  return { canvasRef, panelRef, ready, importError, dirty, info, revision, setCatalog, ...api };
}

/** The process being designed: the plane's process, or the first participant's in a collaboration. */
function mainProcess(modeler: BpmnModeler | null): Moddle | undefined {
  if (!modeler) return undefined;
  const root = modeler.get<Moddle>('canvas').getRootElement()?.businessObject;
  if (!root) return undefined;
  if (root.$type === 'bpmn:Process') return root;
  return root.get?.('participants')?.[0]?.get('processRef');
}
