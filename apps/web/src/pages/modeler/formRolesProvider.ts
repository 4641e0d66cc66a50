/**
 * Our properties-panel group "表单与角色 / Form & roles" for user tasks and start events: the form is
 * picked from the county's published forms, candidate roles from its roles, and each field of the picked
 * form gets a permission for this step. The panel is preact (bpmn-io), so entries are built with `h`.
 */
import type { CountyRole, PublishedFormRow } from '@kcbx/api-contract';
import { CheckboxEntry, Group, SelectEntry, isCheckboxEntryEdited, isSelectEntryEdited } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import type { MessageKey } from '../../i18n/zh-CN';
import type { FormField } from './modelerApi';
import {
  readCandidateGroups,
  readFieldPermissions,
  readFormId,
  readStarterGroups,
  setCandidateGroupsCommands,
  setFieldPermissionsCommands,
  setFormIdCommands,
  setStarterGroupsCommands,
  type FieldPermission,
  type Moddle,
} from './zeebeModel';

/** What the group offers, loaded by the page from the API; the panel re-renders when it changes. */
export class ModelerCatalog {
  forms: PublishedFormRow[] = [];
  roles: CountyRole[] = [];
  private readonly fields = new Map<string, FormField[] | 'loading' | 'failed'>();

  constructor(
    readonly t: (key: MessageKey, params?: Record<string, string | number>) => string,
    readonly lang: 'zh-CN' | 'en',
    private readonly loadForm: (key: string) => Promise<FormField[]>,
    private readonly changed: () => void,
  ) {}

  formTitle(f: PublishedFormRow): string {
    return typeof f.title === 'string' ? f.title : this.lang === 'en' ? f.title.en : f.title.zh;
  }

  roleName(r: CountyRole): string {
    return this.lang === 'en' && r.nameEn ? r.nameEn : r.name;
  }

  /** The fields of a published form; undefined while they load (the panel is told when they arrive). */
  fieldsOf(key: string): FormField[] | undefined {
    const known = this.fields.get(key);
    if (Array.isArray(known)) return known;
    if (known === undefined) {
      this.fields.set(key, 'loading');
      this.loadForm(key)
        .then(
          (fields) => this.fields.set(key, fields),
          () => this.fields.set(key, 'failed'),
        )
        .finally(this.changed);
    }
    return undefined;
  }
}

const PERMISSIONS: FieldPermission[] = ['writable', 'readonly', 'hidden'];

function useEdit() {
  const commandStack = useService('commandStack');
  const bpmnFactory = useService('bpmnFactory');
  return (build: (bpmnFactory: Moddle) => unknown[]) => {
    const commands = build(bpmnFactory);
    if (commands.length) commandStack.execute('properties-panel.multi-command-executor', commands);
  };
}

function FormEntry({ element, id }: { element: Moddle; id: string }) {
  const catalog: ModelerCatalog = useService('kcbxCatalog');
  const edit = useEdit();
  return h(SelectEntry, {
    element,
    id,
    label: catalog.t('modeler.props.form'),
    getValue: () => readFormId(element),
    setValue: (value: string) => edit((f) => setFormIdCommands(element, f, value)),
    getOptions: () => {
      const current = readFormId(element);
      const options = [{ value: '', label: catalog.t('modeler.props.noForm') }];
      for (const f of catalog.forms) options.push({ value: f.key, label: `${catalog.formTitle(f)} (${f.key})` });
      if (current && !catalog.forms.some((f) => f.key === current)) {
        options.push({ value: current, label: catalog.t('modeler.props.unpublishedForm', { key: current }) });
      }
      return options;
    },
  });
}

/** A user task's candidate roles, or a start event's starter roles: the same role keys, different properties. */
const ROLE_LISTS = {
  candidates: { read: readCandidateGroups, write: setCandidateGroupsCommands },
  starters: { read: readStarterGroups, write: setStarterGroupsCommands },
};
type RoleList = keyof typeof ROLE_LISTS;

function RoleEntry({ element, id, roleKey, label, list }: { element: Moddle; id: string; roleKey: string; label: string; list: RoleList }) {
  const edit = useEdit();
  const { read, write } = ROLE_LISTS[list];
  return h(CheckboxEntry, {
    element,
    id,
    label,
    getValue: () => read(element).includes(roleKey),
    setValue: (checked: boolean) => {
      const now = read(element).filter((k) => k !== roleKey);
      edit((f) => write(element, f, checked ? [...now, roleKey] : now));
    },
  });
}

function PermissionEntry({ element, id, field }: { element: Moddle; id: string; field: FormField }) {
  const catalog: ModelerCatalog = useService('kcbxCatalog');
  const edit = useEdit();
  return h(SelectEntry, {
    element,
    id,
    label: `${field.title} (${field.name})`,
    getValue: () => readFieldPermissions(element)[field.name] ?? 'writable',
    setValue: (value: FieldPermission) =>
      edit((f) => setFieldPermissionsCommands(element, f, { ...readFieldPermissions(element), [field.name]: value })),
    getOptions: () => PERMISSIONS.map((p) => ({ value: p, label: catalog.t(`modeler.permission.${p}`) })),
  });
}

function NoteEntry({ text }: { text: string }) {
  return h('div', { class: 'bio-properties-panel-description', style: 'padding: 4px 12px 8px' }, text);
}

function entriesFor(element: Moddle, catalog: ModelerCatalog, isUserTask: boolean) {
  const entries: Record<string, unknown>[] = [{ id: 'kcbx-form', component: FormEntry, element, isEdited: isSelectEntryEdited }];
  const list: RoleList = isUserTask ? 'candidates' : 'starters';
  entries.push({
    id: 'kcbx-roles-note',
    component: () => NoteEntry({ text: catalog.t(isUserTask ? 'modeler.props.rolesNote' : 'modeler.props.startersNote') }),
  });
  const keys = new Set(catalog.roles.map((r) => r.key));
  for (const r of catalog.roles) {
    entries.push({
      id: `kcbx-role-${r.key}`,
      component: RoleEntry,
      element,
      list,
      roleKey: r.key,
      label: `${catalog.roleName(r)} (${r.key})`,
      isEdited: isCheckboxEntryEdited,
    });
  }
  // A role the county does not have (typed by hand or from an uploaded file) can still be unticked here.
  for (const k of ROLE_LISTS[list].read(element).filter((k) => !keys.has(k))) {
    entries.push({
      id: `kcbx-role-${k}`,
      component: RoleEntry,
      element,
      list,
      roleKey: k,
      label: catalog.t('modeler.props.unknownRole', { key: k }),
      isEdited: isCheckboxEntryEdited,
    });
  }
  const formId = readFormId(element);
  if (formId) {
    const fields = catalog.fieldsOf(formId);
    entries.push({
      id: 'kcbx-perm-note',
      component: () => NoteEntry({ text: catalog.t(fields ? 'modeler.props.permissionsNote' : 'modeler.props.fieldsLoading') }),
    });
    for (const field of fields ?? []) {
      entries.push({ id: `kcbx-perm-${field.name}`, component: PermissionEntry, element, field, isEdited: isSelectEntryEdited });
    }
  }
  return entries;
}

/** Start forms and starter roles belong to a process-level none start event (how a clerk starts a case by hand). */
function isManualStart(element: Moddle): boolean {
  const bo = element?.businessObject;
  if (bo?.$type !== 'bpmn:StartEvent' || bo.eventDefinitions?.length) return false;
  const parent = element.parent?.businessObject?.$type;
  return parent === 'bpmn:Process' || parent === 'bpmn:Participant';
}

/** bpmn-js-properties-panel provider: adds the group right after "General". */
export class FormRolesProvider {
  static $inject = ['propertiesPanel', 'kcbxCatalog'];

  constructor(
    propertiesPanel: Moddle,
    private readonly catalog: ModelerCatalog,
  ) {
    propertiesPanel.registerProvider(400, this);
  }

  getGroups(element: Moddle) {
    return (groups: Record<string, unknown>[]) => {
      const type: string = element?.businessObject?.$type ?? '';
      if (type !== 'bpmn:UserTask' && !isManualStart(element)) return groups;
      const group = {
        id: 'kcbx-form-roles',
        label: this.catalog.t('modeler.props.group'),
        component: Group,
        shouldOpen: true,
        entries: entriesFor(element, this.catalog, type === 'bpmn:UserTask'),
      };
      // The zeebe "Form" group edits the same formDefinition with free text and form types our engine does not
      // serve (embedded JSON, custom keys); ours replaces it so there is one place to pick a form.
      const rest = groups.filter((g) => g.id !== 'form');
      const at = rest.findIndex((g) => g.id === 'general');
      return [...rest.slice(0, at + 1), group, ...rest.slice(at + 1)];
    };
  }
}

export function formRolesModule(catalog: ModelerCatalog) {
  return {
    __init__: ['kcbxFormRolesProvider'],
    kcbxCatalog: ['value', catalog],
    kcbxFormRolesProvider: ['type', FormRolesProvider],
  };
}
