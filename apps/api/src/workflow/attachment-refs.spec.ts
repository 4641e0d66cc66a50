import { attachmentIdsIn } from './attachment-refs';

describe('attachments named in a form submission', () => {
  it('finds file-field values at any depth, in rows too, and nothing else', () => {
    const data = {
      reason: 'illness',
      certificate: { id: 'a1', name: '诊断证明.pdf', type: 'application/pdf', size: 1200 },
      visits: [{ date: '2026-11-01', photos: [{ id: 'a2', name: 'visit.jpg' }] }, { date: '2026-11-02' }],
      guardian: { name: '马某某', relation: '父亲' },
    };
    expect([...attachmentIdsIn(data)].sort()).toEqual(['a1', 'a2']);
    expect(attachmentIdsIn(null).size).toBe(0);
  });
});
