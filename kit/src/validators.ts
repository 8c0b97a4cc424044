import { Length, Matches } from 'class-validator';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const CODE_WITH_SLASH = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

export interface CodeOptions {
  /** also allow "/" (skus and customer numbers do; warehouse and territory codes do not) */
  slash?: boolean;
}

/**
 * True when `value` is a code: letters, digits and . _ - (and / with `slash`), starting with a
 * letter or digit. Codes are what people type and external systems refer to (skus, customer
 * numbers, warehouse and territory codes), so they are kept plain.
 */
export function isCode(value: string, options: CodeOptions = {}): boolean {
  return (options.slash ? CODE_WITH_SLASH : CODE).test(value);
}

/** What a code may hold, completing "<field> …" in an error. */
export function codeRule(options: CodeOptions = {}): string {
  return `may hold letters, digits and ${options.slash ? '. _ - /' : '. _ -'} and must start with a letter or digit`;
}

/** class-validator: the property is a code (see {@link isCode}) of 1 to `maxLength` characters. */
export function IsCode(maxLength: number, options: CodeOptions = {}): PropertyDecorator {
  const matches = Matches(options.slash ? CODE_WITH_SLASH : CODE, { message: (args) => `${args.property} ${codeRule(options)}` });
  const length = Length(1, maxLength);
  return (target, property) => {
    matches(target, property);
    length(target, property);
  };
}
