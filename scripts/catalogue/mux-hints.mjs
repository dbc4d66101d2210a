// Realistic values for bodies sampled from @mux/mux-node's webhook types: Mux's opaque ids, Unix-second
// numbers where the SDK types `created_at` as a number, the status the event names where the type
// has it, and the fields a Mux receiver reads first (playback ids, duration, passthrough) though optional.
import ts from 'typescript';
import { accepts, unionHas } from './ts-sample.mjs';

/** Data-level optional fields shown: the ones Mux's guides read (docs.mux.com/guides/listen-for-webhooks). */
const SHOWN = new Set([
  'playback_ids',
  'duration',
  'aspect_ratio',
  'passthrough',
  'tracks',
  'resolution_tier',
  'max_stored_resolution',
  'max_stored_frame_rate',
  'video_quality',
  'upload_id',
  'asset_id',
  'active_asset_id',
  'recent_asset_ids',
  'reconnect_window',
  'url',
  'timeout',
  'cors_origin',
  'name',
  'type',
  'language_code',
  'text_type',
  'resolution',
  'ext',
  'filesize',
  'height',
  'width',
  'resources',
  'message',
  'warning',
]);

const BY_KEY = {
  passthrough: 'order-4821',
  aspect_ratio: '16:9',
  duration: 62.5,
  max_stored_frame_rate: 29.97,
  max_stored_resolution: 'HD',
  resolution_tier: '1080p',
  language_code: 'en',
  name: 'English',
  url: 'https://storage.googleapis.com/video-storage-gcp-us-east1-vop1-uploads/hookctl-upload',
  cors_origin: 'https://example.com',
  timeout: 3600,
  reconnect_window: 60,
  height: 1080,
  width: 1920,
  filesize: 1048576,
  message: 'the input was not encoded at a standard frame rate',
  stream_key: '{{uuid#stream_key}}',
  policy: 'public',
  href: 'https://api.mux.com/video/v1/assets/{{id::36#asset}}',
  max_width: 1920,
  max_height: 1080,
  max_frame_rate: 29.97,
  attempts: [],
};

/** `stage` is the event's last segment (`ready`, `errored`, `completed`), `kind` what `data.id` names. */
export function muxHints(stage, kind) {
  return {
    value(path, type) {
      const key = path.at(-1);
      if (key === 'attempts' && path.length === 1) return [];
      if (key === 'environment' && path.length === 1) return { name: 'Development', id: '{{id::6#environment}}' };
      if ((key === 'status' || key === 'state') && unionHas(type, stage)) return stage;
      // What went wrong with an asset (WebhookAsset.Errors: every field optional in the SDK's types).
      if (key === 'errors' && path.length === 2 && type.getSymbol()?.getName() === 'Errors') return { type: 'invalid_input', messages: ['The input file could not be read as a video.'] };
      // An asset's processing progress: done once ready.
      if (path[1] === 'progress' && path.length === 3 && stage === 'ready') return key === 'state' ? 'completed' : 100;
      if (key in BY_KEY && fits(type, BY_KEY[key])) return BY_KEY[key];
      if (key === 'id' && fits(type, '')) return path.length === 2 && path[0] === 'data' ? `{{id::36#${kind}}}` : `{{id::36#${(path.at(-2) ?? 'id').replace(/s$/, '')}}}`;
      if (/_ids?$/.test(key) && fits(type, '')) return `{{id::36#${key.replace(/_ids?$/, '')}}}`;
      if (/_at$/.test(key) && fits(type, 0)) return '{{now:s}}';
      if (/_at$/.test(key) && fits(type, '')) return '{{now:iso}}';
      return undefined;
    },
    optional(path) {
      // An asset's tracks: what each is (their fields are all optional in the SDK's types).
      if (path.length === 3 && path[1] === 'tracks') return ['id', 'type', 'duration', 'max_width', 'max_height', 'max_frame_rate'].includes(path[2]);
      if (path.length !== 2 || path[0] !== 'data') return false;
      // What went wrong on an errored event, what was produced on a completed one.
      if (path[1] === 'errors') return stage === 'errored';
      if (path[1] === 'outputs') return stage === 'completed';
      return SHOWN.has(path[1]);
    },
    string: (path) => `example ${(path.at(-1) ?? 'text').replace(/_/g, ' ')}`,
    number: () => 1,
  };
}

function fits(type, value) {
  if (Array.isArray(value)) return true;
  // A union of literals (a static rendition's `name`) takes only one of its own values.
  const members = type.isUnion() ? type.types : [type];
  if (members.every((t) => t.isLiteral() || t.flags & ts.TypeFlags.Undefined)) return unionHas(type, value);
  return accepts(type, typeof value === 'number' ? ts.TypeFlags.NumberLike : ts.TypeFlags.StringLike);
}
