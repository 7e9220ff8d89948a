import type { Mesa } from '@cocrea/domain';

/** A `mesas` row, the same on both backends. */
export interface MesaRow {
  id: string;
  title: string;
  topic: string;
  description: string;
  created_at: string;
}

/** A `mesas` row as the domain's {@link Mesa}. */
export const toMesa = (r: MesaRow): Mesa => ({
  id: r.id,
  title: r.title,
  topic: r.topic,
  description: r.description,
  createdAt: r.created_at,
});
