// LiveKit's twelve webhook events (data/LIVEKIT.md), each a `WebhookEvent` of @livekit/protocol in its
// protobuf JSON form (int64 as strings; egress and ingress times in nanoseconds): one room, one participant and their track, egress and ingress, ids agreeing.
const room = () => ({
  sid: 'RM_{{id::12#room}}',
  name: 'standup',
  emptyTimeout: 300,
  departureTimeout: 20,
  maxParticipants: 0,
  creationTime: '{{str:now:s:-10m}}',
  creationTimeMs: '{{str:now:ms:-10m}}',
  enabledCodecs: [{ mime: 'audio/opus' }, { mime: 'video/VP8' }, { mime: 'video/H264' }],
  metadata: '',
  numParticipants: 1,
  numPublishers: 1,
  activeRecording: false,
});

const participant = (state = 'ACTIVE') => ({
  sid: 'PA_{{id::12#participant}}',
  identity: 'jane',
  state,
  joinedAt: '{{str:now:s:-2m}}',
  joinedAtMs: '{{str:now:ms:-2m}}',
  name: 'Jane Cooper',
  version: 2,
  permission: { canSubscribe: true, canPublish: true, canPublishData: true },
  region: 'us-east',
  isPublisher: true,
  kind: 'STANDARD',
});

const track = () => ({ sid: 'TR_{{id::12#track}}', type: 'AUDIO', name: 'microphone', muted: false, source: 'MICROPHONE', mimeType: 'audio/opus', mid: '0', stream: 'camera' });

const egress = (status) => ({
  egressId: 'EG_{{id::12#egress}}',
  roomId: 'RM_{{id::12#room}}',
  roomName: 'standup',
  status,
  startedAt: '{{now:ms:-1m}}000000',
  ...(status === 'EGRESS_COMPLETE' ? { endedAt: '{{now:ms}}000000' } : {}),
  updatedAt: '{{now:ms}}000000',
  roomComposite: { roomName: 'standup', layout: 'grid' },
  fileResults: [{ filename: 'standup.mp4', location: 's3://acme-recordings/standup.mp4' }],
});

const ingress = (status) => ({
  ingressId: 'IN_{{id::12#ingress}}',
  name: 'studio feed',
  streamKey: '{{id::16#key}}',
  url: 'rtmps://acme.rtmp.livekit.cloud/x',
  inputType: 'RTMP_INPUT',
  roomName: 'standup',
  participantIdentity: 'studio',
  participantName: 'Studio',
  state: { status, startedAt: '{{now:ms:-1m}}000000', ...(status === 'ENDPOINT_INACTIVE' ? { endedAt: '{{now:ms}}000000' } : {}) },
});

const EVENTS = [
  ['room_started', 'a room was created', { room: room() }],
  ['room_finished', 'a room closed: every participant left, or it was deleted', { room: room() }],
  ['participant_joined', 'a participant joined the room', { room: room(), participant: participant() }],
  ['participant_left', 'a participant left the room', { room: room(), participant: participant('DISCONNECTED') }],
  ['participant_connection_aborted', 'a participant never finished connecting', { room: room(), participant: participant('JOINING') }],
  ['track_published', 'a participant published a track', { room: room(), participant: participant(), track: track() }],
  ['track_unpublished', 'a participant unpublished a track', { room: room(), participant: participant(), track: track() }],
  ['egress_started', 'an egress (recording or stream) started', { egressInfo: egress('EGRESS_STARTING') }],
  ['egress_updated', 'an egress changed state', { egressInfo: egress('EGRESS_ACTIVE') }],
  ['egress_ended', 'an egress finished', { egressInfo: egress('EGRESS_COMPLETE') }],
  ['ingress_started', 'an ingress began receiving media', { ingressInfo: ingress('ENDPOINT_PUBLISHING') }],
  ['ingress_ended', 'an ingress stopped', { ingressInfo: ingress('ENDPOINT_INACTIVE') }],
];

export function livekitCatalogue() {
  return {
    meta: { provider: 'livekit', source: 'docs.livekit.io/home/server/webhooks (the documented events; bodies in @livekit/protocol WebhookEvent JSON), see data/LIVEKIT.md' },
    events: EVENTS.map(([name, description]) => ({ name, description, match: { event: name } })),
    templates: new Map(EVENTS.map(([name, , body]) => [name, { event: name, ...body, id: 'EV_{{id::12#event}}', createdAt: '{{str:now:s}}' }])),
  };
}
