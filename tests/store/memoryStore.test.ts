import { createMemoryStore } from '../../server/store/memoryStore.ts';
import { runStoreContract } from './contract.ts';

runStoreContract('memory store', async () => ({ store: createMemoryStore() }));
