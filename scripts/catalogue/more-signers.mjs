// The generated catalogues of the providers in src/core/providers/builtin/more-signers.ts.
export const MORE_PARTS = {
  brex: async (root) => (await import('./brex.mjs')).brexCatalogue(root),
  persona: async (root) => (await import('./persona.mjs')).personaCatalogue(root),
  bitbucket: async (root) => (await import('./bitbucket.mjs')).bitbucketCatalogue(root),
  intercom: async (root) => (await import('./intercom.mjs')).intercomCatalogue(root),
  docusign: async (root) => (await import('./docusign.mjs')).docusignCatalogue(root),
};
