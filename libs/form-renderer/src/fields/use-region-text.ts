import { useEffect, useState } from 'react';
import { useFormEnv } from '../form-context';

/**
 * "宁夏回族自治区 / 固原市 / 西吉县 / 吉强镇" for a stored code when divisions come from the server (the print
 * view shows names, not codes); undefined while loading, or when a whole tree is at hand (displayValue has it).
 */
export function useRegionText(code: unknown): string | undefined {
  const { regions, regionSource } = useFormEnv();
  const [text, setText] = useState<string>();
  useEffect(() => {
    if (regions || !regionSource || typeof code !== 'string' || !code) return setText(undefined);
    let live = true;
    regionSource
      .path(code)
      .then((path) => live && setText(path.map((c) => c.name).join(' / ')))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [regions, regionSource, code]);
  return text;
}
