import { parseExpression } from 'feelin';

/**
 * Where a FEEL expression stops parsing (0-based offset into the expression without its "="), or null
 * when it parses. feelin's parser is error-tolerant: it returns a tree with error nodes instead of throwing,
 * so the first error node is the place to point at. Nothing is evaluated.
 */
export function feelSyntaxError(source: string): { offset: number } | null {
  const expression = source.trimStart().replace(/^=/, '');
  if (expression.trim() === '') return { offset: 0 };
  let offset: number | null = null;
  parseExpression(expression, {}, undefined).iterate({
    enter(node) {
      if (offset !== null) return false;
      if (node.type.isError) offset = node.from;
      return undefined;
    },
  });
  return offset === null ? null : { offset };
}
