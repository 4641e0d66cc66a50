import { formatPhone } from './formatPhone';

describe('formatPhone', () => {
  it('groups a mobile number 3-4-4, as clerks read it over the phone', () => {
    expect(formatPhone('13800000000')).toBe('138 0000 0000');
    expect(formatPhone('+86 138-0000-0000')).toBe('138 0000 0000');
  });

  it('leaves landlines and odd input as they were, and shows nothing for no number', () => {
    expect(formatPhone('0954-1234567')).toBe('0954-1234567');
    expect(formatPhone(undefined)).toBe('');
  });
});
