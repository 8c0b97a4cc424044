import { validateSync } from 'class-validator';
import { codeRule, IsCode, isCode } from '../src/validators';

class Codes {
  @IsCode(8)
  code!: string;

  @IsCode(8, { slash: true })
  sku!: string;
}

function problems(code: string, sku: string): string[] {
  return validateSync(Object.assign(new Codes(), { code, sku })).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('codes', () => {
  test('letters, digits and . _ -, starting with a letter or digit; "/" only with slash', () => {
    expect(isCode('BER-1.a_b')).toBe(true);
    expect(isCode('-BER')).toBe(false);
    expect(isCode('A/B')).toBe(false);
    expect(isCode('A/B', { slash: true })).toBe(true);
    expect(isCode('A B', { slash: true })).toBe(false);
  });

  test('IsCode checks the pattern and 1 to maxLength characters, naming the property', () => {
    expect(problems('BER-1', 'TS/100')).toEqual([]);
    expect(problems('B/1', 'TS/100')).toEqual([`code ${codeRule()}`]);
    expect(problems('BER', '_x')).toEqual([`sku ${codeRule({ slash: true })}`]);
    expect(problems('ABCDEFGHI', 'X')).toEqual(['code must be shorter than or equal to 8 characters']);
    expect(codeRule()).toBe('may hold letters, digits and . _ - and must start with a letter or digit');
  });
});
