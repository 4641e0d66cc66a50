import { Alert } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useFormState } from 'react-hook-form';
import { flattenResolverErrors, textIn, type ResolverErrorTree } from '@kcbx/forms';
import { pointerToName } from './field-names';
import { t, useFormEnv } from './form-context';
import { localeKey } from './labels';

/**
 * Never a silent no: after a refused submit, a line above the submit button says how many answers need a
 * change (on a phone the first red field may be a screen away), and lists the errors no field on the form shows — a required property the layout has no
 * control for, an error on a whole row or object — listed above the submit button: otherwise the clerk presses
 * 提交 and nothing happens. (Fields in other tabs or steps count as shown: their tab or step is marked.)
 */
export function UnshownErrors() {
  const { errors, submitCount } = useFormState();
  const { locale, definition, validators } = useFormEnv();
  const holder = useRef<HTMLDivElement>(null);
  const [unshown, setUnshown] = useState<Array<[string, string]>>([]);
  const [total, setTotal] = useState(0);
  const [checked, setChecked] = useState(0);
  useEffect(() => {
    const form = holder.current?.closest('form');
    if (!form || submitCount === 0) {
      setTotal(0);
      return setUnshown([]);
    }
    const flat = flattenResolverErrors(errors as unknown as ResolverErrorTree);
    setTotal(Object.keys(flat).length);
    // After the commit that rendered the fields' own messages, so the page says which ones are on it.
    const atField = (path: string) =>
      form.querySelector(`.kcbx-field[data-field="${CSS.escape(pointerToName(path))}"] > .kcbx-field-message`);
    setUnshown(Object.entries(flat).filter(([path]) => !atField(path)));
    setChecked(submitCount);
  }, [errors, submitCount]);
  const labels = unshown.length ? validators.get(definition).labels : undefined;
  return (
    // data-checked: the submit whose errors were last looked over (browser tests wait for it)
    <div ref={holder} className="kcbx-unshown-errors" data-checked={checked}>
      {total > 0 && !labels && (
        <div className="kcbx-refused" role="alert">
          {t(
            locale,
            `有 ${total} 处需要修改，请查看标红的填写项`,
            `${total} ${total === 1 ? 'answer needs' : 'answers need'} a change; see the fields in red`,
          )}
        </div>
      )}
      {labels && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(locale, '以下内容有误，但表单上没有对应的填写项：', 'These errors have no field on the form:')}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {unshown.map(([path, message]) => (
                <li key={path} data-field-error={path}>
                  {path === '' ? null : <>{textIn(labels.labelFor(path), localeKey(locale))}：</>}
                  <span className="kcbx-unshown-message">{message}</span>
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
