// Types for the tests that read the SendGrid event data the way the generator does.
export const SENDGRID_DATA: string;
export interface SendgridEventData {
  name: string;
  description: string;
  match: Record<string, string>;
  item: Record<string, unknown>;
}
export function sendgridEvents(root: string): {
  events: SendgridEventData[];
  batch: { name: string; description: string; match: Record<string, string | boolean>; custom_args: Record<string, string>; events: string[]; timestamps: string[] };
};
export function sendgridCatalogue(root: string): {
  meta: { provider: 'sendgrid'; source: string };
  events: { name: string; description: string; match: Record<string, string | boolean> }[];
  templates: Map<string, unknown[]>;
};
