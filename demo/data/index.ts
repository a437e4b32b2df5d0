// Everything the demo loads, in the order it must be loaded: a meeting's minutes can only be approved
// by a case of a meeting loaded after it.
import { meeting2018Styret } from './meeting-2018-styret.js';
import { meeting2023M6 } from './meeting-2023-m6.js';
import { meeting2024M1, meeting2024M2, meeting2024M3 } from './meetings-2024.js';
import type { TDemoMeeting } from './types.js';

export * from './organisation.js';
export { ST38_EXEMPT_TITLE } from './meeting-2018-styret.js';
export { meeting2018Styret, meeting2023M6, meeting2024M1, meeting2024M2, meeting2024M3 };

export const meetings: TDemoMeeting[] = [meeting2018Styret, meeting2023M6, meeting2024M1, meeting2024M2, meeting2024M3];
