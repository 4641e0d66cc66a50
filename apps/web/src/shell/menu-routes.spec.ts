import { ADMIN_MENU, DESIGN_MENU, MAIN_MENU } from './menu';
import { PAGE_ROUTES } from './routeTable';

/** The side menu and the route table name permissions separately: a menu entry must lead to a page its reader may open. */
describe('side menu and routes', () => {
  const routes = new Map(PAGE_ROUTES.map((r) => [`/${r.path ?? ''}`, r]));

  it.each([...MAIN_MENU, ...DESIGN_MENU, ...ADMIN_MENU].map((m) => [m.path, m] as const))(
    'given the menu entry %s, then a route serves it and asks for the same permission',
    (_path, entry) => {
      const route = routes.get(entry.path);
      expect(route).toBeDefined();
      expect(route?.permission).toBe(entry.permission);
    },
  );
});
