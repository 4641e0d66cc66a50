import * as fs from 'fs';
import * as path from 'path';
import { Attachment } from '../src/database/entities';
import { bearer, startTestApp, TestApp } from './support/test-app';

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);

describe('attachments: evidence files', () => {
  let t: TestApp;
  let teacher: string;
  beforeAll(async () => {
    t = await startTestApp();
    await t.seedSecondCounty();
    teacher = await t.login('teacher');
  });
  afterAll(() => t.close());

  const countFiles = () => {
    const dir = path.join(t.db.dataDir, 'files');
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => String(f).length > 3).length : 0;
  };

  it('a teacher uploads a PDF certificate; the principal of the school downloads it byte for byte', async () => {
    const up = await t.http().post('/api/attachments').set(bearer(teacher)).attach('file', pdf, '县医院诊断证明.pdf').expect(201);
    expect(up.body).toMatchObject({ name: '县医院诊断证明.pdf', mime: 'application/pdf', size: pdf.length });
    const down = await t
      .http()
      .get(`/api/attachments/${up.body.id}`)
      .set(bearer(await t.login('principal')))
      .buffer(true)
      .expect(200);
    expect(down.headers['content-type']).toContain('application/pdf');
    expect(Buffer.compare(down.body, pdf)).toBe(0);
  });

  it('another school and another county cannot fetch it (404)', async () => {
    const up = await t.http().post('/api/attachments').set(bearer(teacher)).attach('file', pdf, 'a.pdf').expect(201);
    await t
      .http()
      .get(`/api/attachments/${up.body.id}`)
      .set(bearer(await t.login('teacher2')))
      .expect(404);
    await t
      .http()
      .get(`/api/attachments/${up.body.id}`)
      .set(bearer(await t.login('ld-admin')))
      .expect(404);
  });

  it('refuses a program renamed to .pdf and an oversize file, storing nothing', async () => {
    const rows = await t.ds.getRepository(Attachment).count();
    const files = countFiles();
    const exe = await t
      .http()
      .post('/api/attachments')
      .set(bearer(teacher))
      .attach('file', Buffer.from('MZ\x90\x00 program'), '证明.pdf')
      .expect(400);
    expect(exe.body.message).toContain('只接受内容与扩展名一致');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024 + 10)]);
    const res = await t.http().post('/api/attachments').set(bearer(teacher)).attach('file', big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body.message).toBe('上传内容过大，最多 20 MB');
    expect(await t.ds.getRepository(Attachment).count()).toBe(rows);
    expect(countFiles()).toBe(files);
  });
});
