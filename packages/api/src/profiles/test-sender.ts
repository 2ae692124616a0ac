import type { TestCallbackInput, TestSendResult } from "@rebound/core";

/** The input of one test callback (core's type, named as the API's options use it). */
export type TestSendInput = TestCallbackInput;

/** What sending produced, or a request that could not be rendered. */
export type TestSendOutcome = TestSendResult["result"];

export type { TestSendResult };

/**
 * Sends one test callback now: the dispatcher's `sendTestCallback` bound to a transport. Injected
 * because the API does not depend on the dispatcher.
 */
export type TestSender = (input: TestSendInput) => Promise<TestSendResult>;
