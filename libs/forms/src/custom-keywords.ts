import { parseResidentId, sexOfWord } from '@kcbx/cn-codes';
import type { ErrorObject, KeywordDefinition, SchemaValidateFunction } from 'ajv';
import type { DataValidationCxt } from 'ajv/dist/types';
import { jsonObject } from './definition';
import { escapePointerToken } from './json-positions';

/** A file value as stored in a submission: the upload endpoint returns it, the form keeps it. */
export interface StoredFile {
  id: string;
  name: string;
  size: number;
  type: string;
}

export interface FileLimits {
  /** Largest accepted file in bytes. */
  maxBytes?: number;
  /** MIME types ("image/png", "image/*") or extensions (".pdf"). */
  accept?: string[];
}

export type FileProblem = 'shape' | 'size' | 'type';

/** Checks one file's metadata against the limits; the upload endpoint should call this before storing. */
export function fileProblem(limits: FileLimits, file: unknown): FileProblem | null {
  const f = file as StoredFile;
  if (!f || typeof f !== 'object' || typeof f.name !== 'string' || typeof f.size !== 'number' || typeof f.type !== 'string') {
    return 'shape';
  }
  if (limits.maxBytes !== undefined && f.size > limits.maxBytes) return 'size';
  if (limits.accept?.length && !limits.accept.some((a) => acceptMatches(a, f))) return 'type';
  return null;
}

function acceptMatches(accept: string, file: StoredFile): boolean {
  const a = accept.trim().toLowerCase();
  if (a.startsWith('.')) return file.name.toLowerCase().endsWith(a);
  if (a.endsWith('/*')) return file.type.toLowerCase().startsWith(a.slice(0, -1));
  return file.type.toLowerCase() === a;
}

export interface ResidentIdMatch {
  id: string;
  birthDate?: string;
  sex?: string;
}

/** ajv's validate function of a keyword, its errors set on the function (ajv reads them there). */
type KeywordFn = SchemaValidateFunction;

/** `residentIdMatches: {id, birthDate, sex}` on an object: the birth date and sex fields agree with the ID number. */
const residentIdMatches: KeywordFn = function check(
  match: ResidentIdMatch,
  value: unknown,
  _parent?: unknown,
  cxt?: DataValidationCxt,
): boolean {
  const errors: Partial<ErrorObject>[] = [];
  (check as KeywordFn).errors = errors;
  const data = jsonObject(value) ?? {};
  const id = data[match.id];
  const info = typeof id === 'string' ? parseResidentId(id) : null;
  if (!info) return true; // the format keyword reports a bad number; nothing to compare with
  const base: string = cxt?.instancePath ?? '';
  if (match.birthDate && typeof data[match.birthDate] === 'string' && data[match.birthDate] !== info.birthDate) {
    errors.push({
      instancePath: `${base}/${escapePointerToken(match.birthDate)}`,
      keyword: 'residentIdMatches',
      params: { field: 'birthDate', expected: info.birthDate },
      message: `must equal the birth date in the ID number (${info.birthDate})`,
    });
  }
  const sex = match.sex === undefined ? undefined : data[match.sex];
  if (match.sex && sex !== undefined && sexOfWord(sex) !== info.sex) {
    errors.push({
      instancePath: `${base}/${escapePointerToken(match.sex)}`,
      keyword: 'residentIdMatches',
      params: { field: 'sex', expected: info.sex },
      message: `must match the sex in the ID number (${info.sex})`,
    });
  }
  return errors.length === 0;
};

/** `fileUpload: {maxBytes, accept}` on a file object: shape, size and type are enforced server-side too. */
const fileUpload: KeywordFn = function check(limits: FileLimits, data: unknown): boolean {
  const problem = fileProblem(limits, data);
  (check as KeywordFn).errors = problem
    ? [
        {
          keyword: 'fileUpload',
          params: { problem, maxBytes: limits.maxBytes, accept: limits.accept?.join(', ') },
          message: `file ${problem} not accepted`,
        },
      ]
    : [];
  return problem === null;
};

/** `dateRange: true` on a [start, end] pair: start must not be after end. */
const dateRange: KeywordFn = function check(_enabled: boolean, data: unknown): boolean {
  const ok = !Array.isArray(data) || data.length !== 2 || typeof data[0] !== 'string' || typeof data[1] !== 'string' || data[0] <= data[1];
  (check as KeywordFn).errors = ok ? [] : [{ keyword: 'dateRange', params: {}, message: 'start must not be after end' }];
  return ok;
};

export const customKeywords: KeywordDefinition[] = [
  {
    keyword: 'residentIdMatches',
    type: 'object',
    errors: true,
    schemaType: 'object',
    metaSchema: {
      type: 'object',
      properties: { id: { type: 'string' }, birthDate: { type: 'string' }, sex: { type: 'string' } },
      required: ['id'],
      additionalProperties: false,
    },
    validate: residentIdMatches,
  },
  {
    keyword: 'fileUpload',
    errors: true,
    schemaType: 'object',
    metaSchema: {
      type: 'object',
      properties: { maxBytes: { type: 'integer', minimum: 1 }, accept: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    },
    validate: fileUpload,
  },
  { keyword: 'dateRange', type: 'array', errors: true, schemaType: 'boolean', validate: dateRange },
];
