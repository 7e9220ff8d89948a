import { kitGaps, type KitFramingInput, type KitItem, type KitItemInput, type ParticipantKit } from '@cocrea/domain';
import { exerciseErrors } from '../http/exerciseErrors';
import { HttpError } from '../http/errors';
import { newId } from '../ids';
import { stampNow, type Actor, type Clock } from './exerciseClock';
import type { ExerciseFiles } from './ExerciseFiles';
import type { ExerciseStores } from './exerciseRecords';

/**
 * The *kit para participante* of each mesa of an exercise: the public problem, the consultation
 * it comes from and the documents for before and during the session. The mesa's participants see
 * it always; the public once a facilitator publishes it, which needs `kitGaps` to be empty.
 */
export class KitService {
  constructor(
    private readonly stores: ExerciseStores,
    private readonly files: ExerciseFiles,
    private readonly clock: Clock,
  ) {}

  /** The exercise of a mesa, or 404 when the mesa is not part of one. */
  async exerciseOf(mesaId: string): Promise<string> {
    const id = await this.stores.kits.exerciseOf(mesaId);
    if (!id) throw new HttpError(404, 'not_found', 'Esa mesa no forma parte de un ejercicio de Gobierno Abierto.');
    return id;
  }

  /** The kit, or `null` while it has nothing. */
  async kit(mesaId: string): Promise<ParticipantKit | null> {
    await this.exerciseOf(mesaId);
    return this.stores.kits.kit(mesaId);
  }

  /** Sets the public problem and the consultation it comes from. */
  async setFraming(mesaId: string, input: KitFramingInput): Promise<ParticipantKit | null> {
    const exerciseId = await this.exerciseOf(mesaId);
    const consultation = input.consultation && { ...input.consultation, document: await this.files.resolveOptional(exerciseId, input.consultation.document, 'consultation.document') };
    await this.stores.kits.setFraming(mesaId, { publicProblem: input.publicProblem, consultation });
    return this.stores.kits.kit(mesaId);
  }

  /** Adds a document for before or during the session. */
  async addItem(mesaId: string, input: KitItemInput, by: Actor): Promise<KitItem> {
    const exerciseId = await this.exerciseOf(mesaId);
    const item: KitItem = { id: newId(), ...input, document: await this.files.resolve(exerciseId, input.document, 'document'), added: stampNow(by, this.clock) };
    await this.stores.kits.addItem(mesaId, item);
    return item;
  }

  /** Makes the kit public; refused (422, with what it lacks) while `kitGaps` is not empty. */
  async publish(mesaId: string, by: Actor): Promise<ParticipantKit> {
    await this.exerciseOf(mesaId);
    const kit = await this.stores.kits.kit(mesaId);
    const gaps = kitGaps(kit);
    if (!kit || gaps.length > 0) throw exerciseErrors.recordRefused(gaps);
    if (!kit.published) await this.stores.kits.publish(mesaId, stampNow(by, this.clock));
    return (await this.stores.kits.kit(mesaId)) as ParticipantKit;
  }
}
