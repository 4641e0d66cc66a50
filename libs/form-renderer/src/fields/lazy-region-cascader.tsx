import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { t, type Locale } from '../form-context';
import { toLazyOptions, withChildren, type LazyOption, type RegionSource } from '../region-source';

interface Props {
  id: string;
  source: RegionSource;
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  disabled: boolean;
  error: boolean;
  locale: Locale;
}

/**
 * Province > city > county > township, each level fetched when its parent is opened. A stored code is
 * reopened by asking the source for its ancestors and loading the levels along that path only.
 */
export function LazyRegionCascader({ id, source, value, onChange, disabled, error, locale }: Props) {
  const [options, setOptions] = useState<LazyOption[]>([]);
  const [selected, setSelected] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    (async () => {
      let tree = toLazyOptions(await source.children(), 1);
      const trail = value ? (await source.path(value)).map((c) => c.code) : [];
      for (let i = 0; i < trail.length - 1; i++) {
        tree = withChildren(tree, trail.slice(0, i + 1), toLazyOptions(await source.children(trail[i]), i + 2));
      }
      if (!live) return;
      setOptions(tree);
      setSelected(trail);
    })().catch(() => undefined); // a failed load leaves the picker empty; the next open tries again
    return () => {
      live = false;
    };
    // Loaded once per source; later values come from this picker itself.
  }, [source]);

  const loadData = (path: LazyOption[]) => {
    const codes = path.map((o) => o.value);
    void source.children(codes[codes.length - 1]).then((children) => {
      setOptions((prev) => withChildren(prev, codes, toLazyOptions(children, codes.length + 1)));
    });
  };

  // A value cleared from outside (reset) clears the picker; the picker's own choices keep `selected` in step.
  const shown = value && selected[selected.length - 1] === value ? selected : [];
  return (
    <Cascader
      id={id}
      style={{ width: '100%' }}
      disabled={disabled}
      status={error ? 'error' : undefined}
      options={options}
      loadData={loadData}
      changeOnSelect
      value={shown}
      placeholder={t(locale, '省 / 市 / 县 / 乡镇', 'province / city / county / township')}
      onChange={(path) => {
        const codes = (path ?? []).map(String);
        setSelected(codes);
        onChange(codes.length ? codes[codes.length - 1] : undefined);
      }}
    />
  );
}
