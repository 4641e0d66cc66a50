import { fileReferences, fileShapedValues } from './file-references';

/** #14.1: the attachments a submission names, with the field that names each (where a refusal is shown). */
describe('file references in a submission (#14.1)', () => {
  const file = { type: 'object', fileUpload: { maxBytes: 1024 } };
  const schema = {
    type: 'object',
    definitions: { evidence: file },
    properties: {
      certificate: file,
      photos: { type: 'array', items: file },
      rows: {
        type: 'array',
        items: { type: 'object', properties: { proof: { $ref: '#/definitions/evidence' }, note: { type: 'string' } } },
      },
      either: { anyOf: [file, { type: 'string' }] },
      name: { type: 'string' },
    },
  };

  it('given file fields at the top, in a list, in table rows through a $ref and in a branch, then each id with its pointer', () => {
    const data = {
      certificate: { id: 'a', name: 'a.pdf' },
      photos: [
        { id: 'b', name: 'b.jpg' },
        { id: 'c', name: 'c.jpg' },
      ],
      rows: [{ proof: { id: 'd', name: 'd.pdf' }, note: 'x' }, { note: 'y' }],
      either: { id: 'e', name: 'e.pdf' },
      name: '张三',
    };
    expect(fileReferences(schema, data)).toEqual([
      { id: 'a', pointer: '/certificate' },
      { id: 'b', pointer: '/photos/0' },
      { id: 'c', pointer: '/photos/1' },
      { id: 'd', pointer: '/rows/0/proof' },
      { id: 'e', pointer: '/either' },
    ]);
  });

  it('given a file-shaped value outside any declared file field, then it is found by its shape; inherited members are not read', () => {
    const data = JSON.parse('{"extra":[{"id":"x","name":"x.pdf"}],"__proto__":{"id":"p","name":"p"}}');
    expect(fileShapedValues(data)).toEqual([
      { id: 'x', pointer: '/extra/0' },
      { id: 'p', pointer: '/__proto__' },
    ]);
    expect(fileReferences(schema, Object.create({ certificate: { id: 'inherited', name: 'i' } }))).toEqual([]);
  });

  it('given data nested far deeper than any form, then the walk stops instead of overflowing', () => {
    let deep: unknown = { id: 'z', name: 'z' };
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(fileShapedValues(deep)).toEqual([]);
    const selfRef = { $ref: '#/definitions/a', definitions: { a: { $ref: '#/definitions/a' } } };
    expect(fileReferences(selfRef, { any: 1 })).toEqual([]);
  });
});
