import { Agenda } from '../core/agenda/types';

/** The Google Doc of a meet-up: one upload through the Drive advanced service in Apps Script, a fake in tests, absent locally. */
export interface AgendaDocPort {
  /**
   * Writes the agenda into the Doc `existingId` when it can still be opened, replacing its content,
   * and otherwise into a new Doc. Returns the Doc it wrote.
   */
  write(agenda: Agenda, existingId: string | null): { id: string; url: string };
}
