import { testTransitions } from '@tradegraph/kit/testing';
import { CustomerStatus } from '../src/entities';
import { customerStatus } from '../src/services/customer-status';
import { maskEmail, maskPhone } from '../src/services/pii';

const { ACTIVE, SUSPENDED, ARCHIVED } = CustomerStatus;

describe('customer lifecycle', () => {
  testTransitions(customerStatus, {
    allowed: [[ACTIVE, SUSPENDED], [SUSPENDED, ACTIVE], [SUSPENDED, ARCHIVED]],
    refused: [[ARCHIVED, ACTIVE]],
  });

  test('ARCHIVED is final', () => {
    expect(() => customerStatus.assert(ARCHIVED, ACTIVE)).toThrow('Customer cannot go from ARCHIVED to ACTIVE (ARCHIVED is final)');
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
