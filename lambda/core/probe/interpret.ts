// Turns one probe observation into the result the Lambda and the CLI both report. Pure: `now` is passed.
import { PROBE_DEFAULTS } from '../../contracts/probe.ts';
import { CONFIG_WARNING_ADVICE, ENVELOPE_ACCEPTED_NOTE, PROBE_ADVICE } from '../diagnosis/probe/catalogue.ts';
import type { Advice, LocalText } from '../diagnosis/reasons.ts';
import { advertisedAuthMechanisms, parseReply } from '../smtp/replies.ts';
import { classifyObservation } from './classify.ts';
import { firstLine, printable } from './printable.ts';
import type {
  ConfigWarning,
  Phase,
  ProbeAdviceKey,
  ProbeCertificate,
  ProbeObservation,
  ProbeResult,
  ProbeTarget,
  ProbeThresholds,
  TlsFacts,
} from './types.ts';

const DAY_MS = 86_400_000;

export function interpretProbe(
  observation: ProbeObservation,
  options: { now: Date; thresholds?: ProbeThresholds },
): ProbeResult {
  const thresholds = options.thresholds ?? PROBE_DEFAULTS.thresholds;
  const { target, failure } = observation;
  const nowMs = options.now.getTime();
  const totalMs = sessionMs(observation.timings);
  const certificate = certificateOf(observation, nowMs);
  const configWarnings = configWarningsOf(target);
  const verdict = classifyObservation(observation, thresholds, {
    nowMs,
    totalMs,
    ...(certificate ? { certificateDaysLeft: certificate.daysLeft } : {}),
    hasConfigWarnings: configWarnings.length > 0,
  });
  const reply = parseReply(failure?.response);
  const authMechanisms = advertisedAuthMechanisms(observation.ehlo);
  const result: Omit<ProbeResult, 'diagnosis'> = {
    host: target.host,
    port: target.port,
    security: target.security,
    user: target.user,
    authMethod: target.authMethod,
    ...(target.envelope ? { envelope: target.envelope } : {}),
    checkedAt: options.now.toISOString(),
    ...verdict,
    ...(reply ? { replyCode: reply.replyCode } : {}),
    ...(reply?.enhancedCode ? { enhancedCode: reply.enhancedCode } : {}),
    // A reply that is not SMTP (another service's banner) is shown as its first line: it tells what runs there.
    ...(reply ? { replyText: printable(reply.text) } : {}),
    ...(!reply && failure?.response ? { replyText: firstLine(failure.response) } : {}),
    ...(failure?.command ? { failedCommand: failure.command } : {}),
    ...(failure ? { failedPhase: failure.phase, errorCode: failure.originalCode ?? failure.code } : {}),
    timings: observation.timings,
    totalMs,
    timeoutMs: observation.timeoutMs,
    addresses: observation.addresses,
    authMechanisms,
    ...(observation.tls ? { tls: withoutCertificate(observation.tls) } : {}),
    ...(certificate ? { certificate } : {}),
    configWarnings,
  };
  return { ...result, diagnosis: diagnoseProbe(result, thresholds, observation.envelopeAccepted) };
}

/** The catalogue entry for the result, placeholders filled, config warnings appended. */
function diagnoseProbe(
  result: Omit<ProbeResult, 'diagnosis'>,
  thresholds: ProbeThresholds,
  envelopeAccepted: boolean,
): Advice {
  const key = (result.variant ? `${result.outcome}:${result.variant}` : result.outcome) as ProbeAdviceKey;
  const values: Record<string, string> = {
    host: result.host,
    days: String(result.certificate?.daysLeft ?? ''),
    validTo: result.certificate?.validTo.slice(0, 10) ?? '',
    validFrom: result.certificate?.validFrom.slice(0, 10) ?? '',
    totalMs: String(result.totalMs),
    slowMs: String(thresholds.slowMs),
    mechanisms: result.authMechanisms.join(' ') || '-',
    method: result.authMethod.toUpperCase(),
    replyCode: String(result.replyCode ?? ''),
    timeoutMs: String(result.timeoutMs),
    phaseMs: String(result.failedPhase ? (result.timings[result.failedPhase] ?? '') : ''),
    from: printable(result.envelope?.from ?? ''),
    to: printable(result.envelope?.to ?? ''),
    user: printable(result.user),
    command: printable(result.failedCommand ?? ''),
  };
  const advice = PROBE_ADVICE[key];
  const notes = [
    ...(envelopeAccepted && !result.failedPhase ? [ENVELOPE_ACCEPTED_NOTE] : []),
    ...result.configWarnings
      .filter((warning) => warning !== result.variant)
      .map((warning) => CONFIG_WARNING_ADVICE[warning]),
  ];
  return {
    summary: fill(joinTexts([advice.summary, ...notes.map((n) => n.summary)]), values),
    remedy: fill(joinTexts([advice.remedy, ...notes.map((n) => n.remedy)]), values),
  };
}

/** Everything but RSET and QUIT: what a sender waits for before it can hand over a message. */
function sessionMs(timings: Partial<Record<Phase, number>>): number {
  return Object.entries(timings).reduce(
    (sum, [phase, ms]) => (phase === 'quit' || phase === 'rset' ? sum : sum + ms),
    0,
  );
}

function certificateOf(observation: ProbeObservation, nowMs: number): ProbeCertificate | undefined {
  const facts = observation.tls?.certificate;
  if (!facts) return undefined;
  return { ...facts, daysLeft: Math.floor((Date.parse(facts.validTo) - nowMs) / DAY_MS) };
}

function withoutCertificate({ certificate: _certificate, ...rest }: TlsFacts): Omit<TlsFacts, 'certificate'> {
  return rest;
}

function configWarningsOf(target: ProbeTarget): ConfigWarning[] {
  const warnings: ConfigWarning[] = [];
  if (target.port === 25) warnings.push('port-25');
  if (target.security === 'none') warnings.push('no-tls');
  return warnings;
}

function joinTexts(texts: readonly LocalText[]): LocalText {
  const present = (parts: string[]) => parts.filter((part) => part !== '');
  return { ja: present(texts.map((t) => t.ja)).join(''), en: present(texts.map((t) => t.en)).join(' ') };
}

function fill(text: LocalText, values: Readonly<Record<string, string>>): LocalText {
  const put = (s: string) => s.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  return { ja: put(text.ja), en: put(text.en) };
}
