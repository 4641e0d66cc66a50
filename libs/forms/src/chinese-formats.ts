import { isMobilePhone, isResidentId, isStudentNumber, looksLikeRegionCode, RegionIndex } from '@kcbx/cn-codes';
import type { FormatDefinition } from 'ajv';
import { isPngDataUrl, SIGNATURE_FORMAT } from './bounded-schema';

// Clerks type 14:30; ajv-formats' `time` insists on seconds and a time zone.
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/i;
const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+)?(;[a-z-]+=[^;,]+)*(;base64)?,[a-z0-9!$&',()*+;=\-._~:@/?%\s]*$/i;

/** Our string formats (and a friendlier `time`). `region-code` checks membership only when a division index is supplied. */
export function chineseFormats(regions?: RegionIndex): Record<string, FormatDefinition<string>> {
  return {
    'resident-id': { type: 'string', validate: (v) => isResidentId(v) },
    'mobile-cn': { type: 'string', validate: (v) => isMobilePhone(v) },
    'student-number': { type: 'string', validate: (v) => isStudentNumber(v) },
    'region-code': {
      type: 'string',
      validate: (v) => (regions ? regions.isRegionCode(v) : looksLikeRegionCode(v)),
    },
    time: { type: 'string', validate: (v) => TIME.test(v) },
    'year-month': { type: 'string', validate: (v) => YEAR_MONTH.test(v) },
    // Signatures and inline images (canvas.toDataURL) — also what rjsf calls its file format.
    'data-url': { type: 'string', validate: (v) => DATA_URL.test(v) },
    // What a signature field is compiled with (boundedSchema): a PNG drawn on the page, nothing else.
    [SIGNATURE_FORMAT]: { type: 'string', validate: (v) => isPngDataUrl(v) },
  };
}

export const CUSTOM_FORMATS = ['resident-id', 'mobile-cn', 'student-number', 'region-code', 'year-month', 'data-url'];
