import type { ErrorBody, ErrorCode } from '../../shared/protocol.ts';
import type { FairEvent } from './types.ts';

/** What a command decides: the events to record, or why not. */
export type Decision = { events: FairEvent[]; error?: undefined } | { error: ErrorBody; events?: undefined };

export const refuse = (code: ErrorCode, message: string): Decision => ({ error: { code, message } });
export const record = (...events: FairEvent[]): Decision => ({ events });
