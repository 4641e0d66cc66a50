import type { SubmissionResult } from '@kcbx/forms';
import { AppError } from '../common/app-error';
import type { Language } from '../common/language';

/** A refused form submission as the API reports it: 400 FORM_INVALID, one detail per field, in the caller's language. */
export function formInvalid(result: SubmissionResult, lang: Language): AppError {
  return new AppError(
    'FORM_INVALID',
    {},
    result.errors.map((e) => ({
      field: e.path,
      label: e.label[lang] ?? e.label.zh,
      message: e.message[lang] ?? e.message.zh,
      keyword: e.keyword,
    })),
  );
}
