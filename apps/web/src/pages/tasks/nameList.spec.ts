import { nameList } from './nameList';

describe('nameList', () => {
  it('splits on either comma, 、 and spaces, dropping empty parts', () => {
    expect(nameList(' 张三，李四、王五, zhao  qian ')).toEqual(['张三', '李四', '王五', 'zhao', 'qian']);
    expect(nameList(undefined)).toEqual([]);
  });
});
