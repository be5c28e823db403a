/**
 * Reading an option picked, or an intent, as one of a fixed list of values (a band, a specialty,
 * an operation): narrowing functions, so machines never cast what a member chose.
 */
import { OPERATION_INTENTS, type Band, type OperationIntent } from '../bot/understanding/types.js';

/** The value of `values` that `value` is, if it is one of them. */
export function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** The bands the band question offers, in its order. */
export const BANDS = ['manana', 'tarde', 'cualquiera'] as const satisfies readonly Band[];

/** An operation of the main menu. */
export type Operation = OperationIntent;

/** Main-menu operations, in the contract's order (point 7). */
export const MENU_OPERATIONS: readonly Operation[] = OPERATION_INTENTS;

/** Whether an intent or an option picked is one of the menu's operations. */
export function isOperation(value: string | undefined): value is Operation {
  return oneOf(MENU_OPERATIONS, value) !== undefined;
}

/** The operation an intent asks for (`cancel`), or nothing for any other intent (`thanks`). */
export function operationOf(intent: string | undefined): Operation | undefined {
  return oneOf(MENU_OPERATIONS, intent);
}
