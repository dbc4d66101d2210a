// The generated catalogues of the providers in src/core/providers/builtin/jwt-signers.ts.
export const JWT_PARTS = {
  plaid: async (root) => (await import('./plaid.mjs')).plaidCatalogue(root),
};
