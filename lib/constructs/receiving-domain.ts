// Optional, when a Route 53 hosted zone is configured: the SES domain identity of the bounce domain
// (verified through its Easy DKIM records, published in the zone) and the MX record that sends its mail
// to the region's SES inbound endpoint.
import { Duration } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface ReceivingDomainProps {
  readonly hostedZoneId: string;
  readonly zoneName: string;
  /** The domain SES receives for: the zone's own name or a subdomain of it. */
  readonly mailDomain: string;
  /** e.g. inbound-smtp.ap-northeast-1.amazonaws.com */
  readonly inboundEndpoint: string;
}

export class ReceivingDomain extends Construct {
  public readonly identity: ses.EmailIdentity;
  public readonly dkimRecords: route53.CnameRecord[];
  public readonly mxRecord: route53.MxRecord;

  constructor(scope: Construct, id: string, props: ReceivingDomainProps) {
    super(scope, id);
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: props.hostedZoneId,
      zoneName: props.zoneName,
    });
    this.identity = new ses.EmailIdentity(this, 'Identity', {
      identity: ses.Identity.domain(props.mailDomain),
    });
    this.dkimRecords = this.identity.dkimRecords.map(
      (record, index) =>
        new route53.CnameRecord(this, `Dkim${index + 1}`, {
          zone,
          // SES gives the full name (…._domainkey.<domain>); the final dot keeps Route 53 from adding the zone.
          recordName: `${record.name}.`,
          domainName: record.value,
          ttl: Duration.hours(1),
        }),
    );
    this.mxRecord = new route53.MxRecord(this, 'Mx', {
      zone,
      recordName: `${props.mailDomain}.`,
      values: [{ priority: 10, hostName: props.inboundEndpoint }],
      ttl: Duration.hours(1),
    });
  }
}
