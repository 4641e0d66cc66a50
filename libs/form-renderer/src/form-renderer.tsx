import { createCache, StyleProvider } from '@ant-design/cssinjs';
import { Button, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, useRef } from 'react';
import { FormProvider, useForm, type FieldValues } from 'react-hook-form';
import { RegionIndex, type RegionNode } from '@kcbx/cn-codes';
import { applyDefaults, permissionEntries, type FieldPermissions, type FormDefinition, type StoredFile } from '@kcbx/forms';
import { DisabledContext, FormEnvContext, t, type FormEnv, type Locale, type RenderMode } from './form-context';
import { DEFER_WIDGETS_ABOVE, estimateFieldCount } from './field-estimate';
import { textFor } from './labels';
import { ControlField } from './fields/control-field';
import { FieldRegistryContext, type FieldRegistry } from './field-registry';
import { ElementView } from './layout';
import { firstScreen, type FirstScreen } from './near-viewport';
import { FORM_CSS } from './form-styles';
import { PRINT_CSS } from './print-styles';
import type { RegionSource } from './region-source';
import type { SheetRows } from './table-import';
import { UnshownErrors } from './unshown-errors';
import { useFormValidator } from './use-form-validator';

export interface FormRendererProps {
  definition: FormDefinition;
  data?: Record<string, unknown>;
  /** Per field, from the workflow step; unlisted fields are writable. */
  permissions?: FieldPermissions;
  mode?: RenderMode;
  locale?: Locale;
  onSubmit?: (data: Record<string, unknown>) => void | Promise<void>;
  /** Called when a submit is refused (the field errors are shown), with the values the form checked. */
  onInvalid?: (data: Record<string, unknown>) => void;
  /** Division tree (province > city > county > township) for region fields, served by the API. */
  regionTree?: RegionNode[];
  /** The same divisions loaded a level at a time from the API (GET /api/regions?parent=); used when no regionTree is given. */
  regionSource?: RegionSource;
  /** Stores a file and returns what the form keeps; without it, upload fields are read-only. */
  upload?: (file: File) => Promise<StoredFile>;
  /** Reads a CSV/XLSX a clerk picks into rows (the API's POST /api/spreadsheet-rows); with it, tables offer 从表格导入. */
  readSheet?: (file: File) => Promise<SheetRows>;
  submitLabel?: string;
  /**
   * When a field's error is checked: 'touched' (default: after the field is left, then on every change) or
   * 'change' (on every change from the first keystroke — live validation, as rjsf's liveValidate).
   */
  validateOn?: 'touched' | 'change';
}

/** The element and field components tables and nested objects render their contents with (see field-registry). */
const REGISTRY: FieldRegistry = { ElementView, ControlField };

let keptStyles: ReturnType<typeof createCache> | undefined;

/**
 * antd's style cache, keeping what it generated after the last widget of a kind unmounts. antd drops a
 * component's generated CSS when its last instance goes and builds it again (serialising the style objects)
 * on the next mount, so every form opened after another paid for its widgets' styles anew — on a 500-field
 * form, more than the fields themselves. The <style> elements stay in the page either way (antd removes
 * them only with autoClear); this keeps the strings that were generated for them.
 */
function keptStyleCache() {
  if (!keptStyles) {
    const cache = createCache();
    const update = cache.opUpdate.bind(cache);
    // cssinjs's entries: [the number of components using it, what was generated]
    type Entry = Parameters<Parameters<typeof update>[1]>[0];
    cache.opUpdate = (key: string, valueFn: (prev: Entry) => Entry) =>
      update(key, (prev) => {
        const next = valueFn(prev);
        return next === null && prev ? [0, prev[1]] : next;
      });
    keptStyles = cache;
  }
  return keptStyles;
}

/**
 * Renders a form definition with react-hook-form and Ant Design. Validation is the cached validator from
 * @kcbx/forms through a resolver, so the errors shown are the ones the API would return for this data.
 */
export function FormRenderer({
  definition,
  data,
  permissions,
  mode = 'edit',
  locale = 'zh-CN',
  onSubmit,
  onInvalid,
  regionTree,
  regionSource,
  upload,
  readSheet,
  submitLabel,
  validateOn = 'touched',
}: FormRendererProps) {
  const { resolver, validators } = useFormValidator(definition, { permissions, locale, regionTree });
  const defaultValues = useMemo(() => applyDefaults(definition.schema, data ?? {}) ?? {}, [definition, data]);
  const form = useForm<FieldValues>({
    resolver,
    defaultValues,
    mode: validateOn === 'change' ? 'onChange' : 'onTouched',
    reValidateMode: 'onChange',
    shouldUnregister: true,
  });
  const screen = useRef<FirstScreen>();
  screen.current ??= firstScreen();
  const env = useMemo<FormEnv>(
    () => ({
      definition,
      mode,
      locale,
      permissions: permissionEntries(permissions),
      validators,
      regionTree,
      regions: regionTree ? new RegionIndex(regionTree) : undefined,
      regionSource,
      upload,
      readSheet,
      deferWidgets: mode === 'edit' && estimateFieldCount(definition, data) > DEFER_WIDGETS_ABOVE,
      firstScreen: screen.current,
    }),
    [definition, data, mode, locale, permissions, validators, regionTree, regionSource, upload, readSheet],
  );
  const title = textFor(definition.title, locale);
  const body = <ElementView element={definition.uiSchema} base={{ name: '', schema: definition.schema }} />;

  const styled = (content: JSX.Element) =>
    typeof window === 'undefined' ? content : <StyleProvider cache={keptStyleCache()}>{content}</StyleProvider>;
  return styled(
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }}>
      <FieldRegistryContext.Provider value={REGISTRY}>
        <FormEnvContext.Provider value={env}>
          <style>{FORM_CSS}</style>
          <FormProvider {...form}>
            {mode === 'print' ? (
              <div className="kcbx-print">
                <style>{PRINT_CSS}</style>
                <h1>{title}</h1>
                {body}
                <div className="kcbx-stamp">
                  <span>{t(locale, '经办人签字：', 'Signed:')}</span>
                  <span>{t(locale, '单位盖章：', 'Stamp:')}</span>
                  <span>{t(locale, '日期：', 'Date:')}</span>
                </div>
              </div>
            ) : (
              <form
                className={`kcbx-form kcbx-form-${mode}`}
                noValidate
                onSubmit={form.handleSubmit(
                  async (values) => {
                    await onSubmit?.(values);
                  },
                  () => onInvalid?.(form.getValues()),
                )}
              >
                <DisabledContext.Provider value={mode === 'review'}>{body}</DisabledContext.Provider>
                {mode === 'edit' && <UnshownErrors />}
                {mode === 'edit' && onSubmit && (
                  <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
                    {submitLabel ?? t(locale, '提交', 'Submit')}
                  </Button>
                )}
              </form>
            )}
          </FormProvider>
        </FormEnvContext.Provider>
      </FieldRegistryContext.Provider>
    </ConfigProvider>,
  );
}
