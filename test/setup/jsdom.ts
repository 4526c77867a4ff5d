import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// `waitFor` and `findBy*` give up after 1 s by default, which a loaded CI machine (the suites run
// in parallel, the server's beside these) overran on queries that settle in 50 ms when quiet.
// They still return as soon as the condition holds; only a failing test waits the full 5 s.
configure({ asyncUtilTimeout: 5_000 });
