import { expect, it } from 'vitest';
import type { Summary as ApiSummary } from '../../src/core/inspector/capture-index.js';
import type { ReplayAnswer as ApiReplayAnswer } from '../../src/core/inspector/replay.js';
import type { ReplayAnswer as PageReplayAnswer, Summary as PageSummary } from '../../src/web/types.js';

/** True only when A and B are the same type; the type check of test/ (CI) fails otherwise. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The page is compiled apart from the Node code, so it declares the API's shapes again: kept equal here.
const summary: Same<ApiSummary, PageSummary> = true;
const replay: Same<ApiReplayAnswer, PageReplayAnswer> = true;

it("the page's copies of the inspector API's shapes match the server's (checked by the type check)", () => {
  expect([summary, replay]).toEqual([true, true]);
});
