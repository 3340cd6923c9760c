import type { ProjectionPrisma } from '../database/projection-prisma';

export interface Generation {
  readonly generation: number;
  readonly status: 'BUILDING' | 'ACTIVE' | 'RETIRED';
  readonly consumerGroup: string;
}

interface GenerationRow {
  generation: number;
  status: Generation['status'];
  consumer_group: string;
}

/**
 * Builds of the views. Reads always come from the ACTIVE one; a rebuild fills a BUILDING one from
 * the start of the topics and then swaps the two in one transaction, so HQ never sees a half-built view.
 */
export class Generations {
  constructor(
    private readonly prisma: ProjectionPrisma,
    private readonly groupPrefix: string,
  ) {}

  /** On the very first start there is nothing to serve from yet: generation 1 is created active. */
  async ensureFirst(): Promise<void> {
    await this.prisma.$executeRawUnsafe(
      `INSERT INTO projection_generation (generation, status, consumer_group, activated_at)
       SELECT 1, 'ACTIVE', $1, now() WHERE NOT EXISTS (SELECT 1 FROM projection_generation)
       ON CONFLICT DO NOTHING`,
      `${this.groupPrefix}-g1`,
    );
  }

  /** The generation serving reads. */
  async active(): Promise<Generation> {
    const rows = await this.prisma.$queryRawUnsafe<GenerationRow[]>(`SELECT generation, status, consumer_group FROM projection_generation WHERE status = 'ACTIVE' ORDER BY generation DESC LIMIT 1`);
    if (!rows[0]) throw new Error('no active projection generation');
    return toGeneration(rows[0]);
  }

  async startBuilding(): Promise<Generation> {
    const rows = await this.prisma.$queryRawUnsafe<GenerationRow[]>(
      `INSERT INTO projection_generation (generation, status, consumer_group)
       SELECT g, 'BUILDING', $1 || '-g' || g FROM (SELECT COALESCE(MAX(generation), 0) + 1 AS g FROM projection_generation) next
       RETURNING generation, status, consumer_group`,
      this.groupPrefix,
    );
    return toGeneration(rows[0]!);
  }

  /** Makes a built generation the one that serves reads, then frees the rows of the one it replaced. */
  async activate(generation: number): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`UPDATE projection_generation SET status = 'RETIRED' WHERE status = 'ACTIVE'`);
      await tx.$executeRawUnsafe(`UPDATE projection_generation SET status = 'ACTIVE', activated_at = now() WHERE generation = $1`, generation);
    });
    await this.discardRetired();
  }

  /** Removes what a failed or interrupted rebuild left behind. */
  async abandon(generation: number): Promise<void> {
    await this.prisma.$executeRawUnsafe(`UPDATE projection_generation SET status = 'RETIRED' WHERE generation = $1 AND status = 'BUILDING'`, generation);
    await this.discardRetired();
  }

  /** Frees the counters and idempotence records of every retired generation; the rows naming them stay, as history. */
  private async discardRetired(): Promise<void> {
    const retired = await this.prisma.$queryRawUnsafe<GenerationRow[]>(`SELECT generation, status, consumer_group FROM projection_generation WHERE status = 'RETIRED'`);
    for (const row of retired) {
      await this.prisma.$executeRawUnsafe('DELETE FROM view_cell WHERE generation = $1', row.generation);
      await this.prisma.$executeRawUnsafe('DELETE FROM case_progress WHERE generation = $1', row.generation);
      await this.prisma.$executeRawUnsafe('DELETE FROM case_step WHERE generation = $1', row.generation);
      await this.prisma.$executeRawUnsafe('DELETE FROM processed_event WHERE consumer = $1', row.consumer_group);
    }
  }
}

export interface Freshness {
  readonly generation: number;
  readonly eventsApplied: number;
  readonly lastAppliedAt: string | null;
}

/** How current the views that serve reads are: for every response and for the health probe. */
export async function freshness(prisma: ProjectionPrisma): Promise<Freshness> {
  const [row] = await prisma.$queryRawUnsafe<{ generation: number; events_applied: bigint; last_applied_at: Date | null }[]>(
    `SELECT generation, events_applied, last_applied_at FROM projection_generation WHERE status = 'ACTIVE' ORDER BY generation DESC LIMIT 1`,
  );
  return { generation: row?.generation ?? 0, eventsApplied: Number(row?.events_applied ?? 0), lastAppliedAt: row?.last_applied_at?.toISOString() ?? null };
}

const toGeneration = (row: GenerationRow): Generation => ({ generation: row.generation, status: row.status, consumerGroup: row.consumer_group });
