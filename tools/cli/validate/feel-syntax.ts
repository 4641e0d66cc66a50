import { parseExpression } from 'feelin';

/**
 * Where a FEEL expression stops parsing (0-based offset into the trimmed source, "=" included, as the author
 * sees it), or null when it parses. feelin's parser is error-tolerant: it returns a tree with error nodes
 * instead of throwing, so the first error node is the place to point at. Nothing is evaluated.
 */
export function feelSyntaxError(source: string): { offset: number } | null {
  const body = source.trim();
  const expression = body.replace(/^=/, '');
  const lead = body.length - expression.length;
  if (expression.trim() === '') return { offset: lead };
  let offset: number | null = null;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (offset !== null) return false;
      if (node.type.isError) offset = node.from;
      return undefined;
    },
  });
  return offset === null ? null : { offset: lead + offset };
}

/**
 * The variables a FEEL expression reads: names in variable position, not function names (`count(x)` reads x)
 * and not names the expression declares itself (`some v in visits satisfies v.ok` reads only visits).
 */
export function feelVariableNames(source: string): string[] {
  const expression = source.trim().replace(/^=/, '');
  const read: string[] = [];
  const local = new Set<string>();
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      const text = expression.slice(node.from, node.to);
      if (node.type.name === 'Name') local.add(text);
      if (node.type.name !== 'VariableName') return undefined;
      const parent = node.node.parent;
      if (parent?.type.name === 'FunctionInvocation' && parent.firstChild?.from === node.from) return undefined;
      read.push(text);
      return undefined;
    },
  });
  return [...new Set(read.filter((name) => !local.has(name)))];
}
