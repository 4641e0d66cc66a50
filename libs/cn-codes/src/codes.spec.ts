import { formatMobilePhone, isMobilePhone } from './phone';
import { studentNumberKind } from './student-number';
import { regionIndex } from './node';
import { looksLikeRegionCode } from './regions';

describe('mobile phone numbers', () => {
  it.each(['13800138000', '+8613800138000', '138 0013 8000', '199-0000-0000'])('accepts %s', (v) => expect(isMobilePhone(v)).toBe(true));
  it.each(['12800138000', '1380013800', '23800138000'])('refuses %s', (v) => expect(isMobilePhone(v)).toBe(false));
  it('formats as 3-4-4', () => expect(formatMobilePhone('+8613800138000')).toBe('138 0013 8000'));
});

describe('全国学籍号', () => {
  it('knows G + resident ID, and the temporary L and J forms', () => {
    expect(studentNumberKind('G11010519491231002X')).toBe('G');
    expect(studentNumberKind('G110105194912310021')).toBeNull();
    expect(studentNumberKind('L640422201203050013')).toBe('L');
    expect(studentNumberKind('X640422201203050013')).toBeNull();
  });
});

describe('GB/T 2260 regions', () => {
  it('finds Xiji County, its path and its 19 townships', () => {
    const idx = regionIndex();
    expect(idx.isRegionCode('640422')).toBe(true);
    expect(idx.isRegionCode('640499')).toBe(false);
    expect(idx.path('640422100').map((n) => n.name)).toEqual(['宁夏回族自治区', '固原市', '西吉县', '吉强镇']);
    expect(idx.townshipsOf('640422')).toHaveLength(19);
  });
});

describe('region code shape', () => {
  it('accepts 2, 4, 6 and 9 digits only', () => {
    expect(['64', '6404', '640422', '640422100'].every(looksLikeRegionCode)).toBe(true);
    expect(['64042', '6404221', '6404221001', '64a422'].some(looksLikeRegionCode)).toBe(false);
  });
});
