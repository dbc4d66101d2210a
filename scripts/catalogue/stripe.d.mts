// Types for the tests that read the stripe package the way the generator does.
export interface StripeEventType {
  name: string;
  description: string;
  resourceType: string;
}
export function stripeApiVersion(root: string): string;
export function stripeEventTypes(root: string): StripeEventType[];
export function stripeObjectNames(root: string): (type: string) => { all: string[]; chosen: string } | undefined;
