// The generated catalogues of the providers in src/core/providers/builtin/field-signers.ts.
export const FIELD_PARTS = {
  hubspot: async (root) => (await import('./hubspot.mjs')).hubspotCatalogue(root),
  adyen: async (root) => (await import('./adyen.mjs')).adyenCatalogue(root),
  mailgun: async (root) => (await import('./mailgun.mjs')).mailgunCatalogue(root),
};
