/** hookctl's library API: the same core the CLI uses. */
export { sign, verify, verifyCapture, type ProviderRef } from './provider-api.js';
export { signWithScheme, verifyWithScheme, signedContent, SigningError } from './core/signing/index.js';
export type {
  SignInput,
  Signed,
  VerifyInput,
  VerifyResult,
  VerifyOk,
  VerifyFailure,
  FailureReason,
  Scheme,
  SignatureSpec,
  SignatureFormat,
  SecretSpec,
  TimestampSpec,
  Tolerance,
  Algorithm,
  Encoding,
  Headers,
} from './core/signing/index.js';
export { diagnose } from './core/diagnose/index.js';
export type { DiagnoseInput, Finding, DiagnosisCode, HeaderInput } from './core/diagnose/index.js';
export { BUILTIN_PROVIDERS, DEFAULT_PROVIDER, getProvider, detectProvider, providerList } from './core/providers/registry.js';
export type { ProviderProfile, DeliveryPolicy, EventSpec } from './core/providers/types.js';
export { buildDelivery, createDeliveryBuilder } from './core/delivery/build.js';
export type { Delivery, DeliverySpec, DeliveryOverrides, PreparedDelivery, SignatureMode, World } from './core/delivery/types.js';
export { openStore, readCaptureFile, encodeCapture, decodeAll, FORMAT_VERSION } from './core/store/index.js';
export type { Capture, CaptureStore, ListFilter, StoreWarning, OpenStoreOptions } from './core/store/index.js';
export { buildPayload, serializeBody, resolveEvent, renderTemplate, loadFixture } from './core/templates/index.js';
export { listEvents, searchEvents, type ListedEvent } from './core/catalogue/list-events.js';
export { importOperations, type ImportedOperation } from './core/catalogue/openapi.js';
export { seededRandom, cryptoRandom, type Random } from './core/random.js';
export { HookctlError, UsageError, CheckFailedError, IoError, ExitCode } from './core/errors.js';
