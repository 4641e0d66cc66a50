/** Mainland mobile numbers: 11 digits starting 13-19, optionally written with +86 or 86. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;

export function isMobilePhone(value: string): boolean {
  return MOBILE.test(value.replace(/[\s-]/g, ''));
}

/** 138 0000 0000, the way people read them out. */
export function formatMobilePhone(value: string): string {
  const digits = value.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return digits.length === 11 ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : value;
}

/** Fixed lines as written in villages and offices: area code 0xx(x), optional dash, 7–8 digits (0954-1234567). */
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** A phone a guardian can be reached at: a mobile number or a fixed line with its area code. */
export function isPhoneNumber(value: string): boolean {
  return isMobilePhone(value) || LANDLINE.test(value.replace(/\s/g, ''));
}
