// The generated catalogues of the providers in src/core/providers/builtin/token-senders.ts: the
// providers whose secret travels as a token (no signature), each from its own published source.
export const TOKEN_PARTS = {
  gitlab: async () => (await import('./gitlab.mjs')).gitlabCatalogue(),
  postmark: async (root) => (await import('./postmark.mjs')).postmarkCatalogue(root),
  chargebee: async (root) => (await import('./chargebee.mjs')).chargebeeCatalogue(root),
  telegram: async (root) => (await import('./telegram.mjs')).telegramCatalogue(root),
};
