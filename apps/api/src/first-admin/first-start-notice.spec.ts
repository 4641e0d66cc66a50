import { firstStartNotice } from './first-start-notice';

describe('the first-start notice of a production server', () => {
  it('with no county: the three commands, in Chinese and English', () => {
    const text = firstStartNotice(false, [])!;
    expect(text).toContain('数据库中还没有任何县');
    expect(text).toContain('npm run tools -- new-county --code');
    expect(text).toContain('npm run tools -- seed --county <县代码> --database');
    expect(text).toContain('npm run tools -- create-admin --county <县代码>');
    expect(text).toContain('The database has no county yet');
  });

  it('names each county without an administrator', () => {
    const text = firstStartNotice(true, [{ code: '640522', name: '海原县' }])!;
    expect(text).toContain('县 640522（海原县）还没有系统管理员');
    expect(text).toContain('create-admin --county 640522');
  });

  it('says nothing once every county has an administrator', () => {
    expect(firstStartNotice(true, [])).toBeNull();
  });
});
