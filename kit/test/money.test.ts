import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { ValidateNested, validate } from 'class-validator';
import { formatError } from '../src/errors';
import { currencyDigits, IsCurrencyCode, IsPositiveMoney, isCurrencyCode, MoneyInput, toMinorUnits, toMoney } from '../src/money';

class PricedInput {
  @ValidateNested()
  @IsPositiveMoney()
  price!: MoneyInput;

  @ValidateNested()
  limit!: MoneyInput;

  @IsCurrencyCode()
  currency!: string;
}

/** The fields kit reports for `input`, as a client would get them. */
async function badFields(input: object): Promise<string[]> {
  const instance = Object.assign(new PricedInput(), input, {
    price: Object.assign(new MoneyInput(), (input as PricedInput).price),
    limit: Object.assign(new MoneyInput(), (input as PricedInput).limit),
  });
  const validationErrors = await validate(instance);
  const error = new GraphQLError('Argument Validation Error', { originalError: Object.assign(new Error('Argument Validation Error'), { validationErrors }) });
  const shaped = formatError(error.toJSON(), error);
  return ((shaped.extensions?.fields ?? []) as { field: string }[]).map((f) => f.field);
}

const EUR = (amount: string) => ({ amount, currency: 'EUR' });

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

  test('currencies are ISO 4217 codes from Node\'s list, upper case only', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('JPY')).toBe(true);
    expect(isCurrencyCode('eur')).toBe(false);
    expect(isCurrencyCode('XXX')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
    expect(isCurrencyCode(undefined)).toBe(false);
  });

  test('input amounts are never negative; a positive-money field refuses zero, naming the amount', async () => {
    expect(await badFields({ price: EUR('12.50'), limit: EUR('0'), currency: 'EUR' })).toEqual([]);
    expect(await badFields({ price: EUR('0.00'), limit: EUR('0'), currency: 'EUR' })).toEqual(['price.amount']);
    expect(await badFields({ price: EUR('-1'), limit: EUR('-0.01'), currency: 'EUR' })).toEqual(['price.amount', 'limit.amount']);
    expect(await badFields({ price: { amount: '1', currency: 'eur' }, limit: { amount: '1', currency: 'XXX' }, currency: 'usd' })).toEqual(['price.currency', 'limit.currency', 'currency']);
  });
});
