// The generated catalogues of the providers in src/core/providers/builtin/jwt-signers.ts.
export const JWT_PARTS = {
  livekit: async () => (await import('./livekit.mjs')).livekitCatalogue(),
  qstash: async () => (await import('./qstash.mjs')).qstashCatalogue(),
  plaid: async (root) => (await import('./plaid.mjs')).plaidCatalogue(root),
};
