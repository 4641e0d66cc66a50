import * as fs from 'fs';
import * as path from 'path';
import type { FormDefinition } from '@kcbx/forms';
import { answersOf } from './answers';

/** The county package's own 劝返工作记录 form, as a teacher submits it. */
const visitForm: FormDefinition = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', '..', 'forms', 'persuasion-visit.form.json'), 'utf8'),
);

describe('a submitted form as text', () => {
  it('given a visit recorded with 未返校, when read, then every question has its answer in words, in the form order', () => {
    const answers = answersOf(
      visitForm,
      {
        dropoutCause: 'migrant-work',
        returned: false,
        visits: [{ visitNo: 1, visitDate: '2026-12-01', visitors: '马老师', method: 'home', outcome: '家长同意下周送回' }],
      },
      'zh-CN',
    );
    const byPath = Object.fromEntries(answers.map((a) => [a.path, a]));
    expect(answers.map((a) => a.path)).toEqual(['/ladderStep', '/dropoutCause', '/visits', '/returned', '/persuasionNote']);
    expect(byPath['/dropoutCause']).toMatchObject({ label: '辍学原因', text: '外出打工' });
    // 未返校 is an answer ("否"), not an empty field.
    expect(byPath['/returned'].text).toBe('否');
    expect(byPath['/ladderStep'].text).toBe('');
    expect(byPath['/visits'].rows).toHaveLength(1);
    expect(byPath['/visits'].rows![0].find((r) => r.path === '/visits/0/visitors')).toMatchObject({ label: '走访人员', text: '马老师' });
  });

  it('given English, then the labels and option texts are the English ones', () => {
    const answers = answersOf(visitForm, { dropoutCause: 'illness' }, 'en');
    expect(answers.find((a) => a.path === '/dropoutCause')).toMatchObject({ label: 'Cause of dropout', text: 'illness or disability' });
  });
});
