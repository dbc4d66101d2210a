// Upstash QStash delivers what the publisher sent, so its one "event" is an example message; what QStash
// itself writes is the callback it sends after a delivery and the failure callback after the last retry
// (upstash.com/docs/qstash/features/callbacks): the destination's answer, base64, with the message's own fields.
const callback = (status, body) => ({
  status,
  header: { 'Content-Type': ['application/json'] },
  body: Buffer.from(body).toString('base64'),
  retried: status >= 400 ? 3 : 0,
  maxRetries: 3,
  sourceMessageId: 'msg_{{id::26#source}}',
  topicName: '',
  endpointName: '',
  url: 'https://acme.dev/api/jobs/send-welcome-email',
  method: 'POST',
  sourceHeader: { 'Content-Type': ['application/json'], 'Upstash-Retries': ['3'] },
  sourceBody: Buffer.from('{"task":"send-welcome-email","userId":"usr_4821"}').toString('base64'),
  notBefore: '{{now:ms}}',
  createdAt: '{{now:ms:-5s}}',
  scheduleId: '',
  callerIP: '203.0.113.42',
});

const EVENTS = [
  [
    'message',
    'a published message, delivered to its destination (this body is an example: QStash sends what was published)',
    { task: true },
    { task: 'send-welcome-email', userId: 'usr_4821', requestedAt: '{{now:iso}}' },
  ],
  ['callback', "QStash's callback after a delivery: the destination's answer", { sourceMessageId: true, status: 200 }, callback(200, '{"sent":true}')],
  ['failure-callback', "QStash's failure callback after the last retry failed", { sourceMessageId: true, status: 500 }, callback(500, '{"error":"smtp timeout"}')],
];

export function qstashCatalogue() {
  return {
    meta: { provider: 'qstash', source: 'upstash.com/docs/qstash/features/callbacks (the callback and failure-callback bodies) and an example message' },
    events: EVENTS.map(([name, description, match]) => ({ name, description, match })),
    templates: new Map(EVENTS.map(([name, , , body]) => [name, body])),
  };
}
