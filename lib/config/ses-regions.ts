// Where Amazon SES receives mail: the regions with an inbound SMTP endpoint ("Email receiving endpoints"
// in the AWS General Reference, Amazon SES endpoints and quotas). A receipt rule in any other region is
// accepted by CloudFormation and then never sees a mail, so synth refuses it — unless the configuration
// names the region in `receiving.extraRegions` (AWS adds receiving regions): then synth warns.
import type { DeployKey } from '../../lambda/contracts/deployment.ts';
import { contextError } from './context-reader.ts';

export const SES_RECEIVING_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'ca-central-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
  'ap-northeast-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
] as const;

/** The MX target of a receiving region, e.g. inbound-smtp.ap-northeast-1.amazonaws.com. */
export function inboundSmtpEndpoint(region: string): string {
  return `inbound-smtp.${region}.amazonaws.com`;
}

/** The region when SES receives mail there; a warning when only `extraRegions` says so. */
export function checkReceivingRegion(
  key: DeployKey,
  region: string,
  extraRegions: readonly string[] = [],
): { region: string; warning?: string } {
  if ((SES_RECEIVING_REGIONS as readonly string[]).includes(region)) return { region };
  if (extraRegions.includes(region)) {
    return {
      region,
      warning:
        `"${region}" is not in the list of regions where SES receives mail (lib/config/ses-regions.ts); ` +
        'receiving.extraRegions names it, so the stack is built: check that SES receives mail there, ' +
        'or the receipt rule will never see a mail',
    };
  }
  throw contextError(
    key,
    `Amazon SES does not receive mail in "${region}"; deploy to one of the regions that do: ` +
      `${SES_RECEIVING_REGIONS.join(', ')} (or name it in receiving.extraRegions if AWS has added it)`,
  );
}
