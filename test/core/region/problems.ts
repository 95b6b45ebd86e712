import { parseRegion } from '../../../src/core/region/validate';

export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** The Dutch message parseRegion throws, or '' when the file is valid. */
export function problems(json: unknown): string {
  try {
    parseRegion(json);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}
