// Types for the tests that read Shopify's topic list the way the generator does.
export const SHOPIFY_API_VERSION: string;
export interface ShopifyTopic {
  /** The REST topic, as in the X-Shopify-Topic header: `orders/paid`. */
  name: string;
  /** The WebhookSubscriptionTopic value: `ORDERS_PAID`. */
  value: string;
  description: string;
  deprecated: boolean;
}
export function shopifyTopics(root: string): ShopifyTopic[];
export function shopifyRestFields(root: string, resource: string): string[];
export function shopifyCatalogue(root: string): {
  meta: { provider: 'shopify'; source: string; apiVersion: string };
  events: { name: string; description: string; object: string | null; note?: string }[];
  templates: Map<string, unknown>;
};
