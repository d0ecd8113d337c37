// `npm run build`: builds the web client into dist/client.
import { buildClient } from '../server/client-build';

await buildClient();
console.log('built dist/client');
