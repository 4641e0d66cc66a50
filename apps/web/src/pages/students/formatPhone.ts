/** A mainland mobile number the way people read it aloud: 138 0000 0000 (others are left as given). */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/[\s-]/g, '');
  const m = /^(\+?86)?(1\d{2})(\d{4})(\d{4})$/.exec(digits);
  return m ? `${m[2]} ${m[3]} ${m[4]}` : phone;
}
