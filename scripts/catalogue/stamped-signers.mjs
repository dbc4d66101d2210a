// The generated catalogues of the providers in src/core/providers/builtin/stamped-signers.ts, each
// from its own published source: `build(root)` -> { meta, events, templates, types? }.
export const STAMPED_PARTS = {
  workos: async (root) => (await import('./workos.mjs')).workosCatalogue(root),
  mux: async (root) => (await import('./mux.mjs')).muxCatalogue(root),
  elevenlabs: async (root) => (await import('./elevenlabs.mjs')).elevenlabsCatalogue(root),
  webflow: async (root) => (await import('./webflow.mjs')).webflowCatalogue(root),
  calendly: async (root) => (await import('./calendly.mjs')).calendlyCatalogue(root),
  telnyx: async (root) => (await import('./telnyx.mjs')).telnyxCatalogue(root),
  sanity: async (root) => (await import('./sanity.mjs')).sanityCatalogue(root),
};
