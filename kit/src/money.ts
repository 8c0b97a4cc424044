import { Directive, Field, InputType, ObjectType } from 'type-graphql';
import { Matches, ValidateBy, type ValidationOptions } from 'class-validator';
import { badInput } from './errors';
import { PUBLIC } from './schema';

/**
 * The currencies money may be in: ISO 4217 codes, upper case, as Node's ICU knows them (it
 * formats them and knows their minor units). Codes for no currency, testing and precious
 * metals (XXX, XTS, XAU …) are not in it.
 */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** True when `code` is an ISO 4217 currency code we accept (upper case, see CURRENCIES). */
export function isCurrencyCode(code: unknown): code is string {
  return typeof code === 'string' && CURRENCIES.has(code);
}

/** class-validator: the property is an ISO 4217 currency code in upper case ("EUR", not "eur"). */
export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCurrencyCode', validator: { validate: isCurrencyCode, defaultMessage: (args) => `${args?.property} must be an ISO 4217 currency code in upper case, such as "EUR"` } },
    options,
  );
}

/**
 * class-validator, on a MoneyInput property: the amount is above zero. MoneyInput itself only
 * refuses negative amounts; prices and payments must also not be zero. The error names the
 * amount (`basePrice.amount`), see `context.field` in errors.ts.
 */
export function IsPositiveMoney(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPositiveMoney',
      validator: {
        // a malformed amount is reported by MoneyInput's own rule; only a well-formed zero fails here
        validate: (value: unknown) => !(value && typeof (value as MoneyInput).amount === 'string' && /^0*(\.0*)?$/.test((value as MoneyInput).amount)),
        defaultMessage: () => 'must be greater than 0',
      },
    },
    { ...options, context: { field: 'amount', ...options?.context } },
  );
}

/**
 * Money as clients see it: a decimal string (never a float) and an ISO-4217 currency.
 * Stored as integer minor units next to a currency column.
 */
@ObjectType({ description: 'An amount of money: a decimal string in the currency\'s major unit, e.g. "12.50".' })
@Directive('@shareable')
@Directive(PUBLIC)
export class Money {
  @Field({ description: 'Decimal string, e.g. "1234.50"; negative amounts start with "-".' })
  amount!: string;

  @Field({ description: 'ISO-4217 currency code, e.g. "EUR".' })
  currency!: string;
}

/** Money as clients send it. */
@InputType({ description: 'An amount of money as a decimal string and an ISO-4217 currency. Amounts sent in are never negative; prices and payments must be above zero.' })
@Directive(PUBLIC)
export class MoneyInput {
  @Field({ description: 'Decimal string, at least 0, e.g. "12.50".' })
  @Matches(/^\d{1,15}(\.\d{1,4})?$/, { message: 'amount must be a decimal string of at least 0, such as "12.50"' })
  amount!: string;

  @Field({ description: 'ISO-4217 currency code in upper case, e.g. "EUR".' })
  @IsCurrencyCode()
  currency!: string;
}

const digitsCache = new Map<string, number>();

/** How many minor-unit digits a currency has (EUR 2, JPY 0, KWD 3). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Integer minor units → `Money` ("1250", "EUR" → { amount: "12.50" }). */
export function toMoney(minor: number | bigint | string, currency: string): Money {
  const digits = currencyDigits(currency);
  let value = BigInt(minor);
  const negative = value < 0n;
  if (negative) value = -value;
  const text = value.toString().padStart(digits + 1, '0');
  const major = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return { amount: negative ? `-${major}` : major, currency };
}

/**
 * A decimal string → integer minor units, exactly (no floats).
 * @param field the input field, named in the error when the amount has more decimals than
 *   the currency allows
 */
export function toMinorUnits(amount: string, currency: string, field = 'amount'): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) throw badInput(field, `must be a decimal string such as "12.50", got "${amount}"`);
  const digits = currencyDigits(currency);
  const fraction = match[3] ?? '';
  if (fraction.replace(/0+$/, '').length > digits) {
    throw badInput(field, `has more decimals than ${currency} allows (${digits})`);
  }
  const minor = BigInt(match[2] + fraction.padEnd(digits, '0').slice(0, digits));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw badInput(field, 'is too large');
  return Number(match[1] ? -minor : minor);
}
