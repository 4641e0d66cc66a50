import { Errors } from './app-error';

/** No list is paged this far; a larger number is a mistake or a probe. */
const MAX_PAGE = 100_000;

/**
 * `?page=` and `?pageSize=` as whole numbers (issue #14 point 12: `?page=1e400` was Infinity and a 500).
 * Missing or empty takes the default; anything that is not a whole number from 1 up is refused with 400 at
 * the field; a page size over `maxSize` is lowered to it.
 */
export function paging(page: string | undefined, pageSize: string | undefined, defaultSize: number, maxSize: number) {
  return {
    page: whole(page, 'page', 1, MAX_PAGE) ?? 1,
    pageSize: Math.min(maxSize, whole(pageSize, 'pageSize', 1, MAX_PAGE) ?? defaultSize),
  };
}

function whole(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,6}$/.test(value)) throw Errors.badPage(name);
  const n = Number(value);
  if (n < min || n > max) throw Errors.badPage(name);
  return n;
}
