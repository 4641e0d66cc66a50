import type { FormDefinition } from './definition';
import type { FieldError } from './field-errors';
import { validateFormData, type ValidationOptions } from './validate';
import { joinPointer, pointerTokens } from './pointers';

export type FormLocale = 'zh-CN' | 'en';

export interface ResolverFieldError {
  type: string;
  message: string;
}

/** Errors as react-hook-form's resolvers return them: nested by field name, one message per field. */
export type ResolverErrorTree = { [name: string]: ResolverErrorTree | ResolverFieldError };

export function messageIn(error: FieldError, locale: FormLocale): string {
  return locale === 'en' ? error.message.en : error.message.zh;
}

/**
 * The shape react-hook-form wants, built from FieldErrors (no react-hook-form import: the browser resolver
 * and the tests share this function). The first error of a field wins; errors on the whole form sit at "root".
 */
export function toResolverErrors(errors: FieldError[], locale: FormLocale): ResolverErrorTree {
  const tree: ResolverErrorTree = {};
  for (const error of errors) {
    const tokens = pointerTokens(error.path);
    const leaf: ResolverFieldError = { type: error.keyword, message: messageIn(error, locale) };
    if (tokens.length === 0) {
      tree.root ??= leaf;
      continue;
    }
    let node: ResolverErrorTree | undefined = tree;
    for (const token of tokens.slice(0, -1)) {
      const next: ResolverErrorTree | ResolverFieldError | undefined = node[token];
      if (isLeaf(next)) {
        node = undefined; // the parent already has an error; show that one
        break;
      }
      node = (node[token] ??= {}) as ResolverErrorTree;
    }
    if (!node) continue;
    const last = tokens[tokens.length - 1];
    const existing = node[last];
    if (existing === undefined) node[last] = leaf;
    else if (!isLeaf(existing)) existing.root ??= leaf;
  }
  return tree;
}

function isLeaf(node: unknown): node is ResolverFieldError {
  return !!node && typeof (node as ResolverFieldError).type === 'string' && typeof (node as ResolverFieldError).message === 'string';
}

/** Back to "/a/0/b" → message pairs, to compare browser and server verdicts. */
export function flattenResolverErrors(tree: ResolverErrorTree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, node] of Object.entries(tree)) {
    const path = name === 'root' ? prefix : joinPointer(prefix, name);
    if (isLeaf(node)) out[path] = node.message;
    else Object.assign(out, flattenResolverErrors(node, path));
  }
  return out;
}

export interface ResolveOptions extends ValidationOptions {
  locale: FormLocale;
}

/**
 * What the renderer's react-hook-form resolver returns, computed by the same cached validator the API uses.
 * Kept here (framework-free) so tests can compare it with the server verdict directly.
 */
export function resolveForm<T>(
  definition: FormDefinition,
  values: T,
  options: ResolveOptions,
): { values: T | Record<string, never>; errors: ResolverErrorTree } {
  const result = validateFormData(definition, values, options);
  return result.valid ? { values, errors: {} } : { values: {}, errors: toResolverErrors(result.errors, options.locale) };
}
