import { Cascader, Input } from 'antd';
import { useMemo } from 'react';
import { t, useFormEnv } from '../form-context';
import { regionOptions, regionPath } from '../region-options';
import { LazyRegionCascader } from './lazy-region-cascader';
import { useField } from './use-field';

/** Province > city > county > township from the host's division tree (or loaded level by level); stores the deepest chosen code. */
export function RegionField({ name, readonly }: { name: string; readonly: boolean }) {
  const { regionTree, regionSource, locale } = useFormEnv();
  const f = useField(name, readonly);
  const options = useMemo(() => (regionTree ? regionOptions(regionTree) : []), [regionTree]);
  if (!regionTree && regionSource) {
    return (
      <LazyRegionCascader
        id={name}
        source={regionSource}
        value={regionCode(f.value)}
        onChange={f.onChange}
        disabled={f.disabled}
        error={!!f.error}
        locale={locale}
      />
    );
  }
  if (!regionTree) {
    // Without a tree the code can still be typed; the validator checks its shape.
    return (
      <Input
        id={name}
        disabled={f.disabled}
        value={regionCode(f.value) ?? ''}
        placeholder={t(locale, '行政区划代码', 'division code')}
        onChange={(e) => f.onChange(e.target.value || undefined)}
      />
    );
  }
  return (
    <Cascader
      id={name}
      style={{ width: '100%' }}
      disabled={f.disabled}
      status={f.error ? 'error' : undefined}
      options={options}
      changeOnSelect
      showSearch
      value={regionPath(regionTree, regionCode(f.value))}
      placeholder={t(locale, '省 / 市 / 县 / 乡镇', 'province / city / county / township')}
      onChange={(path) => f.onChange(path && path.length ? String(path[path.length - 1]) : undefined)}
    />
  );
}

/** A division code is stored as a string ("640422"). */
function regionCode(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
