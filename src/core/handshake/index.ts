export { answerHandshake, type HandshakeReply } from './answer.js';
export { judgeHandshake } from './judge.js';
export type { HandshakeAnswer, HandshakeMistake, HandshakeRequest, HandshakeResponse, HandshakeSpec, HandshakeValue, HandshakeVerdict, ValueSource } from '../providers/handshake-spec.js';
export { readSource } from './values.js';
export { handshakeRequestOf, judgeDelivery } from './delivery.js';
