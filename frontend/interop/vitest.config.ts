import { defineConfig } from 'vitest/config';

// Calendar interoperability: run by CalendarInteropTest (Java) with TZ=Europe/Berlin and
// TSUNAGU_ICS_DIR pointing at the files the server wrote; not part of `npm test`.
export default defineConfig({
  test: {
    include: ['interop/**/*.interop.test.ts'],
  },
});
