import { operationTypeFromClientText, operationTypeOf } from '../src/operation-type';

describe('operationTypeOf (documents the gateway sends its subgraphs)', () => {
  test('tells the named operation, else the first, and a bare selection set is a query', () => {
    const text = 'query A { a } mutation B { b }';
    expect(operationTypeOf(text)).toBe('query');
    expect(operationTypeOf(text, 'B')).toBe('mutation');
    expect(operationTypeOf('{ a }')).toBe('query');
  });

  test('is undefined, also when asked again (remembered), for text that does not parse or is not text', () => {
    expect(operationTypeOf('mutation {')).toBeUndefined();
    expect(operationTypeOf('mutation {')).toBeUndefined();
    expect(operationTypeOf(42)).toBeUndefined();
    expect(operationTypeOf('query A { a }', 'Missing')).toBeUndefined();
  });
});

describe('operationTypeFromClientText (refused requests, never parsed)', () => {
  test('reads the keyword past white space and comments', () => {
    expect(operationTypeFromClientText('  # a comment\n mutation M { m }')).toBe('mutation');
    expect(operationTypeFromClientText('\ufeff,subscription { s }')).toBe('subscription');
    expect(operationTypeFromClientText('{ a }')).toBe('query');
  });

  test('gives up on what it cannot tell from the first characters', () => {
    expect(operationTypeFromClientText(`${' '.repeat(2000)}mutation { m }`)).toBeUndefined();
    expect(operationTypeFromClientText('fragment F on Q { a } mutation { m }')).toBeUndefined();
    expect(operationTypeFromClientText(undefined)).toBeUndefined();
  });
});
