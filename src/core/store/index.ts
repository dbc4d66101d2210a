export type { Capture, CapturedHandshake, CaptureStore, CapturedVerification, HandshakeAnswerRecord, ListFilter, StoreWarning } from './types.js';
export { encodeCapture, decodeLine, sha256Hex, FORMAT_VERSION } from './format.js';
export { decodeAll, type ScanProblem } from './scan.js';
export { idGenerator, idTime } from './ids.js';
export { decodeCaptureFile, readCaptureFile } from './capture-file.js';
export * from './open-store.js';
