import { CustomerStatus } from '../src/entities';
import { customerStatus } from '../src/services/customer-status';
import { maskEmail, maskPhone } from '../src/services/pii';

describe('customer lifecycle', () => {
  test('ACTIVE ⇄ SUSPENDED, either → ARCHIVED, ARCHIVED is final', () => {
    expect(customerStatus.can(CustomerStatus.ACTIVE, CustomerStatus.SUSPENDED)).toBe(true);
    expect(customerStatus.can(CustomerStatus.SUSPENDED, CustomerStatus.ACTIVE)).toBe(true);
    expect(customerStatus.can(CustomerStatus.SUSPENDED, CustomerStatus.ARCHIVED)).toBe(true);
    expect(customerStatus.can(CustomerStatus.ARCHIVED, CustomerStatus.ACTIVE)).toBe(false);
    expect(() => customerStatus.assert(CustomerStatus.ARCHIVED, CustomerStatus.ACTIVE)).toThrow('Customer cannot go from ARCHIVED to ACTIVE (ARCHIVED is final)');
  });
});

describe('PII masking', () => {
  test('emails keep the first letter and the domain', () => {
    expect(maskEmail('jane.doe@example.com')).toBe('j***@example.com');
    expect(maskEmail('broken')).toBe('***');
  });

  test('phones keep the last two digits only', () => {
    expect(maskPhone('+49 170 1234567')).toBe('***67');
  });
});
