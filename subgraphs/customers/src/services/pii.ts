/** The scope that lets a caller read customers' personal data unmasked. */
export const PII_SCOPE = 'customers:pii';

/** "jane.doe@example.com" → "j***@example.com": enough to recognise, not enough to use. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** "+49 170 1234567" → "***67": the last two digits only. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `***${digits.slice(-2)}`;
}
