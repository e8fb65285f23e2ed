// A ticket system is one file in lambda/adapters/tickets/systems/ and its line in the registry: a file
// left out of the registry, or a registry that disagrees with the settings contract's kinds, fails here.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TICKET_SYSTEMS } from '../../lambda/adapters/tickets/systems/index.ts';
import type { TicketSystem } from '../../lambda/adapters/tickets/ticket-system.ts';
import { TICKET_SYSTEMS as KINDS, TICKET_SYSTEM_KINDS } from '../../lambda/contracts/ticket-systems.ts';
import { contributingBlocks, holds } from '../helpers/contributing.ts';

const SYSTEMS = join(import.meta.dirname, '..', '..', 'lambda', 'adapters', 'tickets', 'systems');
const files = readdirSync(SYSTEMS)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => basename(file, '.ts'));

function isSystem(value: unknown): value is TicketSystem {
  const system = value as Partial<TicketSystem> | null;
  return typeof system === 'object' && system !== null && typeof system.payload === 'function';
}

describe('the ticket systems', () => {
  it.each(files)('systems/%s.ts is registered under its name', async (file) => {
    const module: Record<string, unknown> = await import(join(SYSTEMS, `${file}.ts`));
    const systems = Object.values(module).filter(isSystem);
    expect(systems).toHaveLength(1);
    expect((TICKET_SYSTEMS as Readonly<Record<string, TicketSystem>>)[file]).toBe(systems[0]);
  });

  it('are the kinds the settings accept, each reached the way the contract says', () => {
    expect(Object.keys(TICKET_SYSTEMS).sort()).toEqual([...TICKET_SYSTEM_KINDS].sort());
    expect(files.sort()).toEqual([...TICKET_SYSTEM_KINDS].sort());
    for (const kind of TICKET_SYSTEM_KINDS) {
      expect(TICKET_SYSTEMS[kind].delivery, kind).toBe(KINDS[kind].delivery);
    }
  });
});

describe("CONTRIBUTING.md's example of a ticket system", () => {
  const blocks = contributingBlocks('Adding a ticket system');
  const sources = [
    'lambda/adapters/tickets/systems/zendesk.ts',
    'lambda/adapters/tickets/systems/index.ts',
    'lambda/contracts/ticket-systems.ts',
  ];

  it('shows the three pieces: the file, its registry line, its kind in the contract', () => {
    expect(blocks).toHaveLength(sources.length);
  });

  it.each(sources.map((source, index) => [source, index] as const))('shows %s as it is', (source, index) => {
    expect(holds(source, blocks[index]), blocks[index]).toBe(true);
  });
});
