import { Button, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useMemo } from 'react';
import { FormProvider, useForm, type FieldValues } from 'react-hook-form';
import { RegionIndex, type RegionNode } from '@kcbx/cn-codes';
import { applyDefaults, permissionEntries, type FieldPermissions, type FormDefinition, type StoredFile } from '@kcbx/forms';
import { DisabledContext, FormEnvContext, t, type FormEnv, type Locale, type RenderMode } from './form-context';
import { DEFER_WIDGETS_ABOVE, estimateFieldCount } from './field-estimate';
import { textFor } from './labels';
import { ElementView } from './layout';
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

/**
 * Renders a form definition with react-hook-form and Ant Design. Validation is the cached validator from
 * @kcbx/forms through a resolver, so the errors shown are the ones the API would return for this data.
 */
export function FormRenderer({ definition, data, permissions, mode = 'edit', locale = 'zh-CN', onSubmit, onInvalid, regionTree, regionSource, upload, readSheet, submitLabel, validateOn = 'touched' }: FormRendererProps) {
  const { resolver, validators } = useFormValidator(definition, { permissions, locale, regionTree });
  const defaultValues = useMemo(() => applyDefaults(definition.schema, data ?? {}) ?? {}, [definition, data]);
  const form = useForm<FieldValues>({ resolver, defaultValues, mode: validateOn === 'change' ? 'onChange' : 'onTouched', reValidateMode: 'onChange', shouldUnregister: true });
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
    }),
    [definition, data, mode, locale, permissions, validators, regionTree, regionSource, upload, readSheet],
  );
  const title = textFor(definition.title, locale);
  const body = <ElementView element={definition.uiSchema} base={{ name: '', schema: definition.schema }} />;

  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }}>
      <FormEnvContext.Provider value={env}>
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
    </ConfigProvider>
  );
}
