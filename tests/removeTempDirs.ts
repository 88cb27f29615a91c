// Setup file: after a test file's own hooks (its servers closed), the folders it made go.
import { afterAll } from 'vitest';
import { removeTempDirs } from './tempDir.ts';

afterAll(removeTempDirs);
