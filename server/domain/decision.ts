import type { ErrorBody, ErrorCode } from '../../shared/protocol.ts';
import type { FairEvent } from './types.ts';

/**
 * What a command decides: the events to record, or why not. `eventsJson`: the events' JSON, made
 * ahead by a command of thousands of them (CommitRecord).
 */
export type Decision = { events: FairEvent[]; eventsJson?: string; error?: undefined } | { error: ErrorBody; events?: undefined };

export const refuse = (code: ErrorCode, message: string): Decision => ({ error: { code, message } });
export const record = (...events: FairEvent[]): Decision => ({ events });
