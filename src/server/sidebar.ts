import { authorizeCall } from '../app/authorize';
import { SidebarData, sidebar } from '../app/sidebar';
import { currentRuntime } from './context';

/** The sidebar on opening and on "Vernieuwen": dashboard and "Mijn acties" in one call, JSON only. */
export function getSidebar(): SidebarData {
  return sidebar(authorizeCall(currentRuntime(), 'dashboard').runtime);
}
