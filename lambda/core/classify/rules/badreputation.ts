// badreputation: rejected because of the sending IP address's reputation.
import type { ReasonRule } from '../rule.ts';

export const badreputationRule: ReasonRule = {
  reason: 'badreputation',
  phrases: [
    'unexpected volume or user complaints',
    'bad reputation',
    'poor reputation',
    'low reputation',
    'ip reputation',
    'sender reputation',
    'reputation of',
    'reputation is',
    'domain reputation',
    "sending ip's reputation",
    'has a poor reputation',
    'unusual rate of unsolicited mail',
    'temporarily rate limited due to ip reputation',
    "sending domain's reputation",
    'reputation policy',
  ],
};
