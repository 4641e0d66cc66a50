import { useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FormRenderer, type Locale, type RenderMode } from '@kcbx/form-renderer';
import { validateFormData, type FieldPermissions, type FormDefinition } from '@kcbx/forms';
import { apiReadSheet, apiRegionSource, apiUpload } from './api-sources';

/** What a browser test mounts: JSON only, so playwright can pass it through page.evaluate. */
export interface HarnessConfig {
  definition: FormDefinition;
  data?: Record<string, unknown>;
  permissions?: FieldPermissions;
  mode?: RenderMode;
  locale?: Locale;
  /** A bearer token for /api/regions and /api/attachments (the test logs in through the API). */
  token?: string;
}

declare global {
  interface Window {
    __mount?: (config: HarnessConfig) => void;
    /** The same validation the API runs, here in the page: each error as the API reports it: field pointer and Chinese message. */
    __validate?: (definition: FormDefinition, data: unknown, permissions?: FieldPermissions) => Array<{ field: string; message: string }>;
  }
}

function Harness({ config }: { config: HarnessConfig }) {
  const [submitted, setSubmitted] = useState<string>('');
  const [refused, setRefused] = useState<string>('');
  const regionSource = useMemo(() => apiRegionSource(config.token), [config.token]);
  const upload = useMemo(() => apiUpload(config.token), [config.token]);
  const readSheet = useMemo(() => apiReadSheet(config.token), [config.token]);
  return (
    <div style={{ maxWidth: 960, margin: '16px auto', padding: '0 16px' }}>
      <FormRenderer
        definition={config.definition}
        data={config.data}
        permissions={config.permissions}
        mode={config.mode}
        locale={config.locale}
        regionSource={regionSource}
        upload={upload}
        readSheet={readSheet}
        onSubmit={(values) => setSubmitted(JSON.stringify(values))}
        onInvalid={(values) => setRefused(JSON.stringify(values))}
      />
      <pre data-testid="submitted" style={{ display: submitted ? 'block' : 'none' }}>
        {submitted}
      </pre>
      {/* The values of a refused submit (what the form checked), for comparing with the API's verdict. */}
      <pre data-testid="refused" style={{ display: 'none' }}>
        {refused}
      </pre>
    </div>
  );
}

const root = createRoot(document.getElementById('root')!);
let mounts = 0;
window.__mount = (config) => root.render(<Harness key={++mounts} config={config} />);
window.__validate = (definition, data, permissions) => {
  const result = validateFormData(definition, data, { permissions });
  return result.errors.map((e) => ({ field: e.path, message: e.message.zh }));
};
