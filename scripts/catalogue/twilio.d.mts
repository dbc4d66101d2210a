// Types for the tests that read the twilio package the way the generator does.
export const TWILIO_FILES: { message: string; call: string; recording: string; transcription: string; conversations: string };
export function twilioUnion(root: string, file: string, name: string): string[];
export function twilioDocList(root: string, file: string, property: string, marker: string): string[];
export function twilioVersion(root: string): string;
export function twilioCatalogue(root: string): {
  meta: { provider: 'twilio'; source: string };
  events: { name: string; description: string; contentType?: string; match?: Record<string, string | number | boolean>; note?: string }[];
  templates: Map<string, unknown>;
};
