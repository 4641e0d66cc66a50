import { sniffFileType } from './file-type';

describe('upload type sniffing', () => {
  const pdf = Buffer.from('%PDF-1.7\n...');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
  const exe = Buffer.from('MZ\x90\x00');

  it('accepts evidence files by their bytes', () => {
    expect(sniffFileType('诊断证明.pdf', pdf)).toEqual({ kind: 'pdf', mime: 'application/pdf' });
    expect(sniffFileType('photo.PNG', png)?.mime).toBe('image/png');
  });

  it('refuses a program renamed to .pdf and a PDF renamed to .png', () => {
    expect(sniffFileType('证明.pdf', exe)).toBeNull();
    expect(sniffFileType('x.png', pdf)).toBeNull();
  });
});
