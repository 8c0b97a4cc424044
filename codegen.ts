import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations clients send, generated against the API schema that
 * `npm run compose` writes. Run `npm run codegen` after changing operations/ or the schema.
 */
const config: CodegenConfig = {
  schema: 'api-schema.graphql',
  documents: ['operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'operations/__generated__/': {
      preset: 'client',
      // persisted-documents.json (hash → document) is the trusted-documents manifest the gateway
      // serves by id; sha256 so the same hashes are valid APQ hashes.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        scalars: { DateTime: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
      },
    },
  },
};

export default config;
