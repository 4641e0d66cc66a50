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
