import { isResidentId, makeResidentId, maskResidentId, parseResidentId, residentIdProblem, sexOfWord } from './resident-id';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the worked example of the standard and reads birth date and sex', () => {
    expect(isResidentId('11010519491231002X')).toBe(true);
    expect(parseResidentId('11010519491231002X')).toEqual({ regionCode: '110105', birthDate: '1949-12-31', sex: 'female' });
  });

  it('names the problem of a wrong number', () => {
    expect(residentIdProblem('110105194912310021')).toBe('checksum');
    expect(residentIdProblem('11010519491331002X')).toBe('birthDate');
    expect(residentIdProblem('1101051949123100')).toBe('format');
    expect(residentIdProblem('110105194912310o2X')).toBe('format');
  });

  it('makes checksum-valid synthetic numbers with the requested sex', () => {
    const boy = makeResidentId('640422', '2012-03-05', 17, 'male');
    const girl = makeResidentId('640422', '2012-03-05', 17, 'female');
    expect(parseResidentId(boy)).toMatchObject({ birthDate: '2012-03-05', sex: 'male', regionCode: '640422' });
    expect(parseResidentId(girl)?.sex).toBe('female');
  });

  it('masks all but region and the last four characters', () => {
    expect(maskResidentId('64042220120305001X')).toBe('640422********001X');
  });
});

describe('sexOfWord', () => {
  it('given the words forms use for sex, then each means what an ID number would say; anything else means nothing', () => {
    expect(['male', '男', 'M', '1', 1].map(sexOfWord)).toEqual(['male', 'male', 'male', 'male', 'male']);
    expect(['female', '女', 'F', '2', 2].map(sexOfWord)).toEqual(['female', 'female', 'female', 'female', 'female']);
    expect(['', '未知', undefined, 'm'].map(sexOfWord)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
