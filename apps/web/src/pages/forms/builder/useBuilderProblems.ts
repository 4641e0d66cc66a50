import type { DefinitionProblem } from '@kcbx/api-contract';
import { useDeferredValue, useMemo } from 'react';
import { checkDefinition, type FormDefinition } from '@kcbx/forms';
import { fieldIssues, locateIssue } from '@kcbx/form-builder';
import { pathKey } from './dnd';

export interface BuilderProblems {
  /** Problems of the definition as the API will check it on publish (empty: it can be published). */
  issues: ReturnType<typeof checkDefinition>;
  /** Messages per canvas element (pathKey), shown at the element and in its property panel. */
  byElement: Map<string, string[]>;
  /** Messages that belong to no element, shown in the banner. */
  general: string[];
  count: number;
}

/**
 * Everything wrong with the definition being edited, placed where the designer sees it: the checker's issues,
 * the builder's own field checks and what the server said on a refused publish. Checked on a deferred copy,
 * so typing a label stays smooth on a slow PC.
 */
export function useBuilderProblems(
  definition: FormDefinition | null,
  serverProblems: DefinitionProblem[],
  locale: 'zh' | 'en',
): BuilderProblems {
  const checked = useDeferredValue(definition);
  const issues = useMemo(() => (checked ? checkDefinition(checked) : []), [checked]);
  return useMemo(() => {
    const byElement = new Map<string, string[]>();
    const general: string[] = [];
    if (!checked) return { issues, byElement, general, count: 0 };
    const add = (key: string, text: string) => byElement.set(key, [...(byElement.get(key) ?? []), text]);
    const place = (path: string, text: string) => {
      const at = locateIssue(checked, path);
      if (!at || at.length === 0) general.push(text);
      else add(pathKey(at), text);
    };
    // anyOf reports a miss in every branch ("must be string", "must be boolean"); the deepest problem says why
    const specific = <T extends { path: string }>(list: T[]) => list.filter((x) => !list.some((y) => y.path.startsWith(`${x.path}/`)));
    specific(issues).forEach((i) => place(i.path, i.message[locale]));
    for (const f of fieldIssues(checked)) {
      if (f.path.length === 0) general.push(f.message[locale]);
      else add(pathKey(f.path), f.message[locale]);
    }
    specific(serverProblems).forEach((p) => {
      const at = locateIssue(checked, p.path);
      const already = at ? byElement.get(pathKey(at))?.includes(p.message) : general.includes(p.message);
      if (!already) place(p.path, p.message);
    });
    const count = [...byElement.values()].reduce((n, list) => n + list.length, general.length);
    return { issues, byElement, general, count };
  }, [checked, issues, serverProblems, locale]);
}
