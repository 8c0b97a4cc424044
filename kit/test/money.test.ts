import { currencyDigits, toMinorUnits, toMoney } from '../src/money';

describe('money', () => {
  test('minor units become decimal strings with the currency\'s digits', () => {
    expect(toMoney(1250, 'EUR')).toEqual({ amount: '12.50', currency: 'EUR' });
    expect(toMoney(5, 'EUR')).toEqual({ amount: '0.05', currency: 'EUR' });
    expect(toMoney(-199, 'USD')).toEqual({ amount: '-1.99', currency: 'USD' });
    expect(toMoney(1500, 'JPY')).toEqual({ amount: '1500', currency: 'JPY' });
    expect(toMoney(1234, 'KWD')).toEqual({ amount: '1.234', currency: 'KWD' });
  });

  test('decimal strings become exact minor units, never through floats', () => {
    expect(toMinorUnits('12.5', 'EUR')).toBe(1250);
    expect(toMinorUnits('0.10', 'EUR')).toBe(10);
    expect(toMinorUnits('19.99', 'EUR')).toBe(1999); // 19.99 * 100 is 1998.9999… as a float
    expect(toMinorUnits('-3', 'EUR')).toBe(-300);
    expect(toMinorUnits('12.50', 'EUR')).toBe(toMinorUnits('12.5000', 'EUR'));
    expect(currencyDigits('JPY')).toBe(0);
  });

  test('amounts finer than the currency allows are refused, naming the field', () => {
    expect(() => toMinorUnits('1.005', 'EUR', 'input.basePrice.amount')).toThrow(/input\.basePrice\.amount has more decimals than EUR allows \(2\)/);
    expect(() => toMinorUnits('1.5', 'JPY')).toThrow(/more decimals than JPY/);
    expect(() => toMinorUnits('12,50', 'EUR')).toThrow(/must be a decimal string/);
  });
});
