import type { MesaStatus } from '@cocrea/domain';
import type { MesaRecord } from './Storage';

/** A `mesas` row, the same on both backends (SQLite keeps `join_open` as 0/1, PostgreSQL as a boolean). */
export interface MesaRow {
  id: string;
  title: string;
  topic: string;
  description: string;
  created_at: string;
  join_open: number | boolean;
  status: MesaStatus;
}

/** The columns of {@link MesaRow}, for SELECT lists. */
export const MESA_COLUMNS = 'id, title, topic, description, created_at, join_open, status';

/** A `mesas` row as a {@link MesaRecord}. */
export const toMesa = (r: MesaRow): MesaRecord => ({
  id: r.id,
  title: r.title,
  topic: r.topic,
  description: r.description,
  createdAt: r.created_at,
  joinOpen: r.join_open === true || r.join_open === 1,
  status: r.status,
});
